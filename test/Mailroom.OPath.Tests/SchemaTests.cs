namespace Mailroom.OPath.Tests;

public class SchemaTests
{
    [Fact]
    public void LooksUpNamesIgnoringCase()
    {
        var schema = new OPathSchema(["Department", "CustomAttribute1"]);

        Assert.True(schema.TryGetCanonicalName("customattribute1", out var canonical));
        Assert.Equal("CustomAttribute1", canonical);
        Assert.False(schema.TryGetCanonicalName("Title", out _));
    }

    [Fact]
    public void KeepsTheFirstSpellingOfADuplicate()
    {
        var schema = new OPathSchema(["Department", "DEPARTMENT", "Title"]);

        Assert.Equal(["Department", "Title"], schema.PropertyNames);
        Assert.True(schema.TryGetCanonicalName("department", out var canonical));
        Assert.Equal("Department", canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Two Words")]
    [InlineData("-eq")]
    [InlineData("$x")]
    [InlineData("42")]
    [InlineData("a'b")]
    public void RejectsNamesAFilterCouldNotSpell(string name)
    {
        Assert.Throws<ArgumentException>(() => new OPathSchema(["Department", name]));
    }

    [Fact]
    public void AllowsUnusualButSpellableNames()
    {
        var schema = new OPathSchema(["msExch-Attribute.1", "Title"]);

        var filter = OPathFilter.Parse("MSEXCH-ATTRIBUTE.1 -eq 'x'", schema);

        Assert.Equal("msExch-Attribute.1 -eq 'x'", filter.Root.ToString());
    }
}

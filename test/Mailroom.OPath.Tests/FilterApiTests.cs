using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

public class FilterApiTests
{
    [Fact]
    public void KeepsTheOriginalText()
    {
        const string text = " { department -EQ Sales } ";

        var filter = TestSchema.Parse(text);

        Assert.Equal(text, filter.Text);
        Assert.Equal("Department -eq 'Sales'", filter.Root.ToString());
    }

    [Theory]
    [InlineData("Department -eq 1", "Department")]
    [InlineData("department -eq 1 -or -not (TITLE -eq 2 -and Department -ne 3)", "Department,Title")]
    [InlineData("EmailAddresses -like '*' -and MemberOfGroup -eq $null -and ArchiveQuota -gt 1", "ArchiveQuota,EmailAddresses,MemberOfGroup")]
    public void ListsReferencedPropertiesCanonically(string text, string expected)
    {
        var referenced = TestSchema.Parse(text).ReferencedProperties;

        Assert.Equal(expected, string.Join(",", referenced.Order(StringComparer.Ordinal)));
        Assert.Contains(expected.Split(',')[0].ToUpperInvariant(), referenced);
    }

    [Fact]
    public void TryParseReturnsTheFilterOnSuccess()
    {
        var ok = OPathFilter.TryParse("Title -eq 'Rep'", TestSchema.Instance, out var filter, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal("Title -eq 'Rep'", filter!.Root.ToString());
    }

    [Theory]
    [InlineData("Title -eq", 10)]
    [InlineData("Nope -eq 1", 1)]
    [InlineData(null, 1)]
    public void TryParseReturnsTheErrorOnFailure(string? text, int position)
    {
        var ok = OPathFilter.TryParse(text!, TestSchema.Instance, out var filter, out var error);

        Assert.False(ok);
        Assert.Null(filter);
        Assert.Equal(position, error!.Position);
    }

    [Fact]
    public void RejectsNullArguments()
    {
        var filter = TestSchema.Parse("Title -eq 1");

        Assert.Throws<ArgumentNullException>(() => OPathFilter.Parse(null!, TestSchema.Instance));
        Assert.Throws<ArgumentNullException>(() => OPathFilter.Parse("Title -eq 1", null!));
        Assert.Throws<ArgumentNullException>(() => filter.Evaluate(null!));
    }

    [Fact]
    public void EvaluatesManyRecordsWithOneFilter()
    {
        var filter = TestSchema.Parse("ArchiveQuota -ge 50");

        var matches = Enumerable.Range(0, 100).Count(i => filter.Evaluate(TestRecord.With(("ArchiveQuota", i))));

        Assert.Equal(50, matches);
    }
}

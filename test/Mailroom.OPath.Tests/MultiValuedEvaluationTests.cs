using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

/// <summary>Multi-valued properties: positive operators need any value to match, negative ones none.</summary>
public class MultiValuedEvaluationTests
{
    private static readonly string[] Addresses = ["SMTP:ann@contoso.com", "smtp:ann@fabrikam.com"];

    [Theory]
    [InlineData("EmailAddresses -eq 'smtp:ANN@contoso.com'", true)]
    [InlineData("EmailAddresses -eq 'smtp:bob@contoso.com'", false)]
    [InlineData("EmailAddresses -ne 'smtp:ann@fabrikam.com'", false)]
    [InlineData("EmailAddresses -ne 'smtp:bob@contoso.com'", true)]
    [InlineData("EmailAddresses -like '*@fabrikam.com'", true)]
    [InlineData("EmailAddresses -like '*@northwind.com'", false)]
    [InlineData("EmailAddresses -notlike '*@fabrikam.com'", false)]
    [InlineData("EmailAddresses -notlike '*@northwind.com'", true)]
    [InlineData("EmailAddresses -gt 'smtp:ann@d'", true)]
    [InlineData("EmailAddresses -lt 'SMTP:ann@c'", false)]
    [InlineData("EmailAddresses -eq $null", false)]
    [InlineData("EmailAddresses -ne $null", true)]
    public void MatchesAnyValue(string filter, bool expected)
    {
        Assert.Equal(expected, Evaluate(filter, Addresses));
    }

    public static TheoryData<string, string[], bool> EmptyCases => new()
    {
        { "EmailAddresses -eq $null", [], true },
        { "EmailAddresses -eq $null", [""], true },
        { "EmailAddresses -eq $null", [null!, ""], true },
        { "EmailAddresses -ne $null", [], false },
        { "EmailAddresses -eq 'x'", [], false },
        { "EmailAddresses -like '*'", [], false },
        { "EmailAddresses -like '*'", [""], false },
        { "EmailAddresses -ne 'x'", [], true },
        { "EmailAddresses -notlike '*'", [], true },
        { "EmailAddresses -eq 'x'", [null!, "x"], true },
    };

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void TreatsEmptyAndBlankCollectionsAsNull(string filter, string[] values, bool expected)
    {
        Assert.Equal(expected, Evaluate(filter, values));
    }

    [Fact]
    public void AcceptsAnyStringSequence()
    {
        var filter = TestSchema.Parse("MemberOfGroup -eq 'Sales Team'");

        Assert.True(filter.Evaluate(TestRecord.With(("MemberOfGroup", new List<string> { "Admins", "sales team" }))));
        Assert.True(filter.Evaluate(TestRecord.With(("MemberOfGroup", new HashSet<string> { "Sales Team" }))));
        Assert.False(filter.Evaluate(TestRecord.With(("MemberOfGroup", Enumerable.Repeat("Admins", 3)))));
    }

    [Fact]
    public void ComparesNumbersInsideCollectionsNumerically()
    {
        var filter = TestSchema.Parse("ArchiveQuota -gt 9");

        Assert.True(filter.Evaluate(TestRecord.With(("ArchiveQuota", new[] { "2", "10" }))));
        Assert.False(filter.Evaluate(TestRecord.With(("ArchiveQuota", new[] { "2", "9" }))));
    }

    private static bool Evaluate(string filter, string[] values) =>
        TestSchema.Parse(filter).Evaluate(TestRecord.With(("EmailAddresses", values)));
}

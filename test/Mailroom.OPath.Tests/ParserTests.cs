using Mailroom.OPath.Tests.Support;
using Op = Mailroom.OPath.OPathComparisonOperator;

namespace Mailroom.OPath.Tests;

public class ParserTests
{
    private static readonly OPathComparisonNode DeptSales = new("Department", Op.Eq, new OPathStringValue("Sales"));
    private static readonly OPathComparisonNode TitleBoss = new("Title", Op.Eq, new OPathStringValue("Boss"));
    private static readonly OPathComparisonNode QuotaBig = new("ArchiveQuota", Op.Gt, new OPathIntegerValue(5));

    public static TheoryData<string, OPathNode> Trees => new()
    {
        { "Department -eq 'Sales'", DeptSales },
        { "department -EQ Sales", DeptSales },
        { "{ Department -eq \"Sales\" }", DeptSales },
        { "{Department -eq Sales}", DeptSales },
        { "((Department -eq 'Sales'))", DeptSales },
        { "Department -eq 'Sales' -and Title -eq 'Boss' -and ArchiveQuota -gt 5", new OPathAndNode(DeptSales, TitleBoss, QuotaBig) },
        { "Department -eq 'Sales' -or Title -eq 'Boss' -and ArchiveQuota -gt 5", new OPathOrNode(DeptSales, new OPathAndNode(TitleBoss, QuotaBig)) },
        { "Department -eq 'Sales' -and Title -eq 'Boss' -or ArchiveQuota -gt 5", new OPathOrNode(new OPathAndNode(DeptSales, TitleBoss), QuotaBig) },
        { "(Department -eq 'Sales' -and Title -eq 'Boss') -and ArchiveQuota -gt 5", new OPathAndNode(new OPathAndNode(DeptSales, TitleBoss), QuotaBig) },
        { "-not Department -eq 'Sales' -and Title -eq 'Boss'", new OPathAndNode(new OPathNotNode(DeptSales), TitleBoss) },
        { "-NOT -not Department -eq 'Sales'", new OPathNotNode(new OPathNotNode(DeptSales)) },
        { "-not(Department -eq 'Sales' -or Title -eq 'Boss')", new OPathNotNode(new OPathOrNode(DeptSales, TitleBoss)) },
        { "Department -eq $null", new OPathComparisonNode("Department", Op.Eq, OPathNullValue.Instance) },
        { "HiddenFromAddressListsEnabled -ne $TRUE", new OPathComparisonNode("HiddenFromAddressListsEnabled", Op.Ne, new OPathBooleanValue(true)) },
        { "ArchiveQuota -le -12", new OPathComparisonNode("ArchiveQuota", Op.Le, new OPathIntegerValue(-12)) },
        { "EmailAddresses -like '*@contoso.com'", new OPathComparisonNode("EmailAddresses", Op.Like, new OPathStringValue("*@contoso.com")) },
        { "EmailAddresses -like *@contoso.com", new OPathComparisonNode("EmailAddresses", Op.Like, new OPathStringValue("*@contoso.com")) },
        { "Title -notlike 'a''b'", new OPathComparisonNode("Title", Op.NotLike, new OPathStringValue("a'b")) },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void BuildsTheExpectedTree(string text, OPathNode expected)
    {
        Assert.Equal(expected, TestSchema.Parse(text).Root);
    }

    [Theory]
    [InlineData("Department -eq 'Sales'", "Department -eq 'Sales'")]
    [InlineData("department -EQ Sales", "Department -eq 'Sales'")]
    [InlineData("{ Department -eq 'Sales' }", "Department -eq 'Sales'")]
    [InlineData("Department -eq \"O'Brien\"", "Department -eq 'O''Brien'")]
    [InlineData("Department -eq \"a`tb\"", "Department -eq 'a\tb'")]
    [InlineData("Department -eq ''", "Department -eq ''")]
    [InlineData("Department -eq 007", "Department -eq 7")]
    [InlineData("ArchiveQuota -ge -5", "ArchiveQuota -ge -5")]
    [InlineData("Department -eq $NULL -or Title -ne $True -or Company -eq $FALSE", "Department -eq $null -or Title -ne $true -or Company -eq $false")]
    [InlineData("Department -NOTLIKE 'x*' -AND Title -Lt 'm' -and Company -GE 'c'", "Department -notlike 'x*' -and Title -lt 'm' -and Company -ge 'c'")]
    [InlineData("Department -eq 1 -and Title -eq 2 -or Company -eq 3", "Department -eq 1 -and Title -eq 2 -or Company -eq 3")]
    [InlineData("Department -eq 1 -and (Title -eq 2 -or Company -eq 3)", "Department -eq 1 -and (Title -eq 2 -or Company -eq 3)")]
    [InlineData("Department -eq 1 -or (Title -eq 2 -and Company -eq 3)", "Department -eq 1 -or Title -eq 2 -and Company -eq 3")]
    [InlineData("(Department -eq 1 -and Title -eq 2) -and Company -eq 3", "(Department -eq 1 -and Title -eq 2) -and Company -eq 3")]
    [InlineData("(Department -eq 1 -or Title -eq 2) -or Company -eq 3", "(Department -eq 1 -or Title -eq 2) -or Company -eq 3")]
    [InlineData("((Department -eq 1))", "Department -eq 1")]
    [InlineData("-not Department -eq 1", "-not (Department -eq 1)")]
    [InlineData("-not -not Department -eq 1", "-not (-not (Department -eq 1))")]
    [InlineData("-not Department -eq 1 -and Title -eq 2", "-not (Department -eq 1) -and Title -eq 2")]
    [InlineData("-not (Department -eq 1 -or Title -eq 2)", "-not (Department -eq 1 -or Title -eq 2)")]
    [InlineData("(-not Department -eq 1) -or Title -eq 2", "-not (Department -eq 1) -or Title -eq 2")]
    public void PrintsCanonicalText(string text, string canonical)
    {
        var root = TestSchema.Parse(text).Root;

        Assert.Equal(canonical, root.ToString());
        Assert.Equal(root, TestSchema.Parse(canonical).Root);
    }

    [Fact]
    public void AcceptsNestingUpToTheLimit()
    {
        var text = new string('(', 100) + "Department -eq 1" + new string(')', 100);

        Assert.Equal("Department -eq 1", TestSchema.Parse(text).Root.ToString());
    }

    [Fact]
    public void AcceptsLongFlatChainsWithoutDeepRecursion()
    {
        var text = string.Join(" -and ", Enumerable.Repeat("Department -eq 1", 10_000));

        var root = Assert.IsType<OPathAndNode>(TestSchema.Parse(text).Root);

        Assert.Equal(10_000, root.Operands.Count);
    }
}

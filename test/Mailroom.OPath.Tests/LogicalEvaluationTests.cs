using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

public class LogicalEvaluationTests
{
    // Department, Title, Company of the record each case is evaluated against.
    [Theory]
    [InlineData("Department -eq 'Sales' -and Title -eq 'Rep'", "Sales", "Rep", "C", true)]
    [InlineData("Department -eq 'Sales' -and Title -eq 'Rep'", "Sales", "Boss", "C", false)]
    [InlineData("Department -eq 'Sales' -or Title -eq 'Rep'", "HR", "Rep", "C", true)]
    [InlineData("Department -eq 'Sales' -or Title -eq 'Rep'", "HR", "Boss", "C", false)]
    [InlineData("-not Department -eq 'Sales'", "Sales", "Rep", "C", false)]
    [InlineData("-not Department -eq 'Sales'", "HR", "Rep", "C", true)]
    [InlineData("-not -not Department -eq 'Sales'", "Sales", "Rep", "C", true)]
    // -and binds tighter than -or: this is HR -or (Rep -and X).
    [InlineData("Department -eq 'HR' -or Title -eq 'Rep' -and Company -eq 'X'", "HR", "Boss", "C", true)]
    [InlineData("Department -eq 'HR' -or Title -eq 'Rep' -and Company -eq 'X'", "Sales", "Rep", "C", false)]
    [InlineData("(Department -eq 'HR' -or Title -eq 'Rep') -and Company -eq 'X'", "HR", "Boss", "C", false)]
    // -not binds tighter than -and: this is (-not Sales) -and Rep.
    [InlineData("-not Department -eq 'Sales' -and Title -eq 'Rep'", "HR", "Rep", "C", true)]
    [InlineData("-not Department -eq 'Sales' -and Title -eq 'Rep'", "Sales", "Boss", "C", false)]
    [InlineData("-not (Department -eq 'Sales' -and Title -eq 'Rep')", "Sales", "Boss", "C", true)]
    [InlineData("{ Department -eq 'Sales' -and Company -like 'C*' }", "Sales", "Rep", "Contoso", true)]
    [InlineData("Department -eq 'a' -or Title -eq 'b' -or Company -eq 'c'", "x", "x", "c", true)]
    [InlineData("Department -eq 'a' -or Title -eq 'b' -or Company -eq 'c'", "x", "x", "x", false)]
    public void CombinesComparisons(string filter, string department, string title, string company, bool expected)
    {
        var record = TestRecord.With(("Department", department), ("Title", title), ("Company", company));

        Assert.Equal(expected, TestSchema.Parse(filter).Evaluate(record));
    }

    [Theory]
    [InlineData("Department -eq 'HR' -and Title -eq 'Rep'", "Department")]
    [InlineData("Department -eq 'Sales' -or Title -eq 'Rep'", "Department")]
    [InlineData("Department -eq 'HR' -or Title -eq 'Rep'", "Department,Title")]
    public void ShortCircuits(string filter, string expectedReads)
    {
        var record = TestRecord.With(("Department", "Sales"), ("Title", "Rep"));

        TestSchema.Parse(filter).Evaluate(record);

        Assert.Equal(expectedReads, string.Join(",", record.Reads));
    }

    [Fact]
    public void ReadsPropertiesByTheirCanonicalName()
    {
        // TestRecord's dictionary is case-sensitive, so only "Department" finds the value.
        var record = TestRecord.With(("Department", "Sales"));

        Assert.True(TestSchema.Parse("DEPARTMENT -eq 'sales'").Evaluate(record));
        Assert.Equal(["Department"], record.Reads);
    }
}

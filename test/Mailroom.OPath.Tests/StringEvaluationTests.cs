using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

/// <summary>Comparisons of single string values (and missing ones).</summary>
public class StringEvaluationTests
{
    [Theory]
    [InlineData("Department -eq 'Sales'", "Sales", true)]
    [InlineData("Department -eq 'sales'", "SALES", true)]
    [InlineData("Department -eq Sales", "sales", true)]
    [InlineData("Department -eq \"Sales\"", "Sales", true)]
    [InlineData("Department -eq 'Sales'", "Sales ", false)]
    [InlineData("Department -eq 'Sales'", "Marketing", false)]
    [InlineData("Department -eq 'Sales'", null, false)]
    [InlineData("Department -eq 'straße'", "STRASSE", false)]
    [InlineData("Department -eq 'ÉCOLE'", "école", true)]
    [InlineData("Department -eq '*'", "*", true)]
    [InlineData("Department -eq '*'", "anything", false)]
    [InlineData("Department -eq 'O''Brien'", "o'brien", true)]
    [InlineData("Department -ne 'Sales'", "Marketing", true)]
    [InlineData("Department -ne 'Sales'", "sales", false)]
    [InlineData("Department -ne 'Sales'", null, true)]
    public void Equality(string filter, string? value, bool expected) => AssertEvaluates(filter, value, expected);

    [Theory]
    [InlineData("Department -like 'Sa*'", "Sales", true)]
    [InlineData("Department -like 'sa*'", "SALES", true)]
    [InlineData("Department -like 'Sa*'", "Marketing", false)]
    [InlineData("Department -like 'Sa*'", "Sa", true)]
    [InlineData("Department -like '*les'", "Sales", true)]
    [InlineData("Department -like '*les'", "Sale", false)]
    [InlineData("Department -like '*al*'", "Sales", true)]
    [InlineData("Department -like '*al*'", "Sxles", false)]
    [InlineData("Department -like 'S*l*s'", "Sales", true)]
    [InlineData("Department -like 'S*l*s'", "Sal", false)]
    [InlineData("Department -like 'a*a'", "a", false)]
    [InlineData("Department -like 'a*a'", "aa", true)]
    [InlineData("Department -like 'a*b*b'", "abb", true)]
    [InlineData("Department -like 'a*b*b'", "ab", false)]
    [InlineData("Department -like '*'", "x", true)]
    [InlineData("Department -like '**'", "x", true)]
    [InlineData("Department -like '*'", null, false)]
    [InlineData("Department -like '*'", "", false)]
    [InlineData("Department -like 'Sales'", "sales", true)]
    [InlineData("Department -like 'Sales'", "Sales Team", false)]
    [InlineData("Department -like 'S?les'", "Sales", false)]
    [InlineData("Department -like 'S?les'", "S?les", true)]
    [InlineData("Department -like Sa*", "Sales", true)]
    [InlineData("Department -notlike 'Sa*'", "Sales", false)]
    [InlineData("Department -notlike 'Sa*'", "Marketing", true)]
    [InlineData("Department -notlike 'Sa*'", null, true)]
    [InlineData("Department -notlike 'Sales'", "SALES", false)]
    public void Wildcards(string filter, string? value, bool expected) => AssertEvaluates(filter, value, expected);

    [Theory]
    [InlineData("Department -lt 'M'", "Apple", true)]
    [InlineData("Department -lt 'M'", "apple", true)]
    [InlineData("Department -lt 'm'", "Zebra", false)]
    [InlineData("Department -lt 'M'", null, false)]
    [InlineData("Department -le 'b'", "B", true)]
    [InlineData("Department -ge 'b'", "B", true)]
    [InlineData("Department -gt 'b'", "B", false)]
    [InlineData("Department -gt 'b'", "c", true)]
    [InlineData("Department -gt '9'", "10", false)]
    public void Ordering(string filter, string? value, bool expected) => AssertEvaluates(filter, value, expected);

    [Theory]
    [InlineData("Department -eq $null", null, true)]
    [InlineData("Department -eq $null", "", true)]
    [InlineData("Department -eq $null", "x", false)]
    [InlineData("Department -ne $null", null, false)]
    [InlineData("Department -ne $null", "", false)]
    [InlineData("Department -ne $null", "x", true)]
    [InlineData("Department -eq ''", null, true)]
    [InlineData("Department -eq ''", "x", false)]
    [InlineData("Department -ne ''", "x", true)]
    [InlineData("Department -like $null", null, true)]
    [InlineData("Department -notlike $null", "x", true)]
    [InlineData("Department -lt $null", "x", false)]
    [InlineData("Department -ge $null", null, false)]
    public void Null(string filter, string? value, bool expected) => AssertEvaluates(filter, value, expected);

    internal static void AssertEvaluates(string filter, object? value, bool expected)
    {
        var record = TestRecord.AllProperties(value);

        Assert.Equal(expected, TestSchema.Parse(filter).Evaluate(record));
    }
}

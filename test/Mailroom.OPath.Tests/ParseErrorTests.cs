using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

public class ParseErrorTests
{
    private const string Term = "a property name, '(' or -not";
    private const string Operator = "a comparison operator (-eq, -ne, -like, -notlike, -lt, -le, -gt, -ge)";
    private const string Value = "a value (a quoted string, $null, $true, $false or a number)";
    private const string AfterFilter = "-and, -or or end of filter";
    private const string Property = "a filterable property name";
    private const string Int64Range = "a number between -9223372036854775808 and 9223372036854775807";

    [Theory]
    [InlineData("", 1, Term)]
    [InlineData("   ", 4, Term)]
    [InlineData("Department", 11, Operator)]
    [InlineData("Department -eq", 15, Value)]
    [InlineData("Department -eq ", 16, Value)]
    [InlineData("Department 'Sales'", 12, Operator)]
    [InlineData("Department eq 'Sales'", 12, Operator)]
    [InlineData("Department -and 'x'", 12, Operator)]
    [InlineData("Department -foo 'a'", 12, Operator)]
    [InlineData("Department -eq -and", 16, Value)]
    [InlineData("Department -eq (", 16, Value)]
    [InlineData("Department -eq {", 16, Value)]
    [InlineData("Department -eq $foo", 16, Value)]
    [InlineData("Department -eq -", 16, Value)]
    [InlineData("Department -eq 'a' Title -eq 'b'", 20, AfterFilter)]
    [InlineData("Department -eq 'a' -xor Title -eq 'b'", 20, AfterFilter)]
    [InlineData("Department -eq 'a')", 19, AfterFilter)]
    [InlineData("Department -eq 'a' }", 20, AfterFilter)]
    [InlineData("Department -eq 'a' -and", 24, Term)]
    [InlineData("Department -eq 1 -and", 22, Term)]
    [InlineData("Department -eq 'a' -or -or", 24, Term)]
    [InlineData("(Department -eq 'a'", 20, "-and, -or or ')' to close the '(' at position 1")]
    [InlineData("Title -eq 1 -and (Department -eq 'a' ", 38, "-and, -or or ')' to close the '(' at position 18")]
    [InlineData("()", 2, Term)]
    [InlineData("-not", 5, Term)]
    [InlineData("-", 1, Term)]
    [InlineData("$true", 1, Term)]
    [InlineData("'Department' -eq 'a'", 1, Term)]
    [InlineData("42 -eq 1", 1, Term)]
    [InlineData("{}", 2, Term)]
    [InlineData("{{Department -eq 1}}", 2, Term)]
    [InlineData("{ Department -eq 'a'", 21, "-and, -or or '}' to close the '{' at position 1")]
    [InlineData("{ Department -eq 'a' ) }", 22, "-and, -or or '}' to close the '{' at position 1")]
    [InlineData("{ Department -eq 'a' } x", 24, "end of filter after the closing '}'")]
    [InlineData("Foo -eq 'a'", 1, Property)]
    [InlineData("Department -eq 'a' -and Bogus -eq 1", 25, Property)]
    [InlineData("Department -eq 'abc", 20, "a closing ' to end the string that starts at position 16")]
    [InlineData("Department -eq 'a''", 20, "a closing ' to end the string that starts at position 16")]
    [InlineData("Department -eq \"abc", 20, "a closing \" to end the string that starts at position 16")]
    [InlineData("Department -eq \"abc`\"", 22, "a closing \" to end the string that starts at position 16")]
    [InlineData("Department -eq \"abc`", 21, "a closing \" to end the string that starts at position 16")]
    [InlineData("Department -eq 99999999999999999999", 16, Int64Range)]
    [InlineData("Department -eq -9223372036854775809", 16, Int64Range)]
    public void ReportsPositionAndExpectation(string text, int position, string expected)
    {
        var error = TestSchema.ParseError(text);

        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Contains($"position {position}", error.Message);
    }

    [Theory]
    [InlineData("Department -eq ", "Invalid filter syntax at position 16: expected a value (a quoted string, $null, $true, $false or a number) but found end of filter.")]
    [InlineData("Department -and 'x'", "Invalid filter syntax at position 12: expected a comparison operator (-eq, -ne, -like, -notlike, -lt, -le, -gt, -ge) but found \"-and\".")]
    [InlineData("Department -eq 'a' 'a very long string that goes on and on and on'", "Invalid filter syntax at position 20: expected -and, -or or end of filter but found \"'a very long string that goes on and on ...\".")]
    [InlineData("Department -eq 'abc", "Invalid filter syntax at position 20: expected a closing ' to end the string that starts at position 16 but found end of filter.")]
    public void WritesReadableMessages(string text, string message)
    {
        Assert.Equal(message, TestSchema.ParseError(text).Message);
    }

    [Fact]
    public void NamesAnUnknownPropertyAndListsTheValidOnes()
    {
        var error = TestSchema.ParseError("Department -eq 'a' -or Colour -eq 'red'");

        Assert.Equal(24, error.Position);
        Assert.Equal(
            "Invalid filter at position 24: \"Colour\" is not a recognized filterable property. Valid properties: "
            + "ArchiveQuota, Company, CustomAttribute1, Department, DisplayName, EmailAddresses, "
            + "HiddenFromAddressListsEnabled, MemberOfGroup, RecipientType, Title.",
            error.Message);
    }

    public static TheoryData<string, int> TooDeep => new()
    {
        { new string('(', 101) + "Department -eq 1" + new string(')', 101), 101 },
        { string.Concat(Enumerable.Repeat("-not ", 101)) + "Department -eq 1", 501 },
        { string.Concat(Enumerable.Repeat("-not (", 51)) + "Department -eq 1" + new string(')', 51), 301 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void RejectsNestingBeyondTheLimit(string text, int position)
    {
        var error = TestSchema.ParseError(text);

        Assert.Equal(position, error.Position);
        Assert.Equal("at most 100 levels of nested parentheses and -not", error.Expected);
    }

    [Fact]
    public void IsAFormatException()
    {
        Assert.IsAssignableFrom<FormatException>(TestSchema.ParseError("Department"));
    }
}

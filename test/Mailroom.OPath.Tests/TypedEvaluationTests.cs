using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests;

/// <summary>Comparisons involving booleans, numbers and other non-string record values.</summary>
public class TypedEvaluationTests
{
    [Theory]
    [InlineData("HiddenFromAddressListsEnabled -eq $true", true, true)]
    [InlineData("HiddenFromAddressListsEnabled -eq $true", false, false)]
    [InlineData("HiddenFromAddressListsEnabled -eq $true", "True", true)]
    [InlineData("HiddenFromAddressListsEnabled -eq $true", "yes", false)]
    [InlineData("HiddenFromAddressListsEnabled -eq $true", null, false)]
    [InlineData("HiddenFromAddressListsEnabled -eq $false", false, true)]
    [InlineData("HiddenFromAddressListsEnabled -eq $false", null, false)]
    [InlineData("HiddenFromAddressListsEnabled -eq 'true'", true, true)]
    [InlineData("HiddenFromAddressListsEnabled -eq 'TRUE'", true, true)]
    [InlineData("HiddenFromAddressListsEnabled -eq 'false'", false, true)]
    [InlineData("HiddenFromAddressListsEnabled -eq 'false'", true, false)]
    [InlineData("HiddenFromAddressListsEnabled -eq 1", true, false)]
    [InlineData("HiddenFromAddressListsEnabled -ne $true", false, true)]
    [InlineData("HiddenFromAddressListsEnabled -ne $true", null, true)]
    [InlineData("HiddenFromAddressListsEnabled -ne $true", true, false)]
    [InlineData("HiddenFromAddressListsEnabled -eq $null", false, false)]
    [InlineData("HiddenFromAddressListsEnabled -like 'tr*'", true, true)]
    [InlineData("HiddenFromAddressListsEnabled -gt $false", true, true)]
    public void Booleans(string filter, object? value, bool expected) =>
        Assert.Equal(expected, TestSchema.Parse(filter).Evaluate(TestRecord.AllProperties(value)));

    [Theory]
    [InlineData("ArchiveQuota -eq 5", 5, true)]
    [InlineData("ArchiveQuota -eq 5", 5L, true)]
    [InlineData("ArchiveQuota -eq 5", (short)5, true)]
    [InlineData("ArchiveQuota -eq 5", (byte)5, true)]
    [InlineData("ArchiveQuota -eq 5", 5u, true)]
    [InlineData("ArchiveQuota -eq 5", "5", true)]
    [InlineData("ArchiveQuota -eq 5", "005", true)]
    [InlineData("ArchiveQuota -eq 5", "5x", false)]
    [InlineData("ArchiveQuota -eq 5", 6, false)]
    [InlineData("ArchiveQuota -eq 5", null, false)]
    [InlineData("ArchiveQuota -eq '5'", 5, true)]
    [InlineData("ArchiveQuota -eq '05'", 5, true)]
    [InlineData("ArchiveQuota -eq 'five'", 5, false)]
    [InlineData("ArchiveQuota -eq 0", 0, true)]
    [InlineData("ArchiveQuota -eq $null", 0, false)]
    [InlineData("ArchiveQuota -ne 5", 5, false)]
    [InlineData("ArchiveQuota -ne 5", null, true)]
    [InlineData("ArchiveQuota -gt 5", 10, true)]
    [InlineData("ArchiveQuota -gt 5", "10", true)]
    [InlineData("ArchiveQuota -gt '5'", 10, true)]
    [InlineData("ArchiveQuota -gt 5", 5, false)]
    [InlineData("ArchiveQuota -ge 5", 5, true)]
    [InlineData("ArchiveQuota -lt 5", 10, false)]
    [InlineData("ArchiveQuota -lt 5", -10, true)]
    [InlineData("ArchiveQuota -le 5", 5, true)]
    [InlineData("ArchiveQuota -le 5", null, false)]
    [InlineData("ArchiveQuota -gt -3", -2, true)]
    [InlineData("ArchiveQuota -lt 9223372036854775807", long.MaxValue, false)]
    [InlineData("ArchiveQuota -eq 9223372036854775807", long.MaxValue, true)]
    [InlineData("ArchiveQuota -gt -9223372036854775808", long.MinValue, false)]
    [InlineData("ArchiveQuota -like '1*'", 123, true)]
    [InlineData("ArchiveQuota -like '1*'", 23, false)]
    [InlineData("ArchiveQuota -like 123", "123", true)]
    public void Numbers(string filter, object? value, bool expected) =>
        StringEvaluationTests.AssertEvaluates(filter, value, expected);

    [Theory]
    [InlineData("RecipientType -eq 'monday'", DayOfWeek.Monday, true)]
    [InlineData("RecipientType -like 'Sun*'", DayOfWeek.Sunday, true)]
    [InlineData("RecipientType -eq 'x'", 'x', true)]
    [InlineData("RecipientType -eq '1.5'", 1.5, true)]
    [InlineData("RecipientType -eq 1", 1.5, false)]
    public void OtherValueTypesCompareAsText(string filter, object? value, bool expected) =>
        StringEvaluationTests.AssertEvaluates(filter, value, expected);
}

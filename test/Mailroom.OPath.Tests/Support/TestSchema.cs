namespace Mailroom.OPath.Tests.Support;

/// <summary>A recipient-filter-like schema shared by the tests.</summary>
internal static class TestSchema
{
    public static readonly OPathSchema Instance = new(
    [
        "Department",
        "Title",
        "DisplayName",
        "Company",
        "CustomAttribute1",
        "EmailAddresses",
        "MemberOfGroup",
        "HiddenFromAddressListsEnabled",
        "ArchiveQuota",
        "RecipientType",
    ]);

    public static OPathFilter Parse(string text) => OPathFilter.Parse(text, Instance);

    public static OPathParseException ParseError(string text) =>
        Assert.Throws<OPathParseException>(() => OPathFilter.Parse(text, Instance));
}

using Mailroom.Directory.Model;
using Mailroom.OPath;

namespace Mailroom.Directory.Policies;

/// <summary>
/// The recipient properties an email address policy's <c>RecipientFilter</c> may name (a subset of Exchange's
/// filterable properties: those Mailroom's recipients have), and how a mailbox answers them.
/// </summary>
public static class RecipientFilterSchema
{
    private static readonly string[] Scalars =
    [
        "Alias", "City", "Company", "CountryOrRegion", "Database", "Department", "DisplayName", "DistinguishedName",
        "FirstName", "Initials", "LastName", "Name", "Office", "PostalCode", "PrimarySmtpAddress", "RecipientType",
        "RecipientTypeDetails", "SamAccountName", "StateOrProvince", "StreetAddress", "UserPrincipalName",
    ];

    public static readonly OPathSchema Schema = new(
        Scalars.Concat(["EmailAddresses"]).Concat(Enumerable.Range(1, 15).Select(i => $"CustomAttribute{i}")));

    public static IOPathRecord Record(Mailbox mailbox) => new MailboxRecord(mailbox);

    private sealed class MailboxRecord(Mailbox m) : IOPathRecord
    {
        public object? GetValue(string canonicalPropertyName) => canonicalPropertyName switch
        {
            "Alias" => m.Alias,
            "City" => m.City,
            "Company" => m.Company,
            "CountryOrRegion" => m.CountryOrRegion,
            "Database" => m.Database,
            "Department" => m.Department,
            "DisplayName" => m.DisplayName,
            "DistinguishedName" => m.DistinguishedName,
            "EmailAddresses" => m.EmailAddresses,
            "FirstName" => m.FirstName,
            "Initials" => m.Initials,
            "LastName" => m.LastName,
            "Name" => m.Name,
            "Office" => m.Office,
            "PostalCode" => m.PostalCode,
            "PrimarySmtpAddress" => m.PrimarySmtpAddress,
            "RecipientType" => m.RecipientType,
            "RecipientTypeDetails" => m.RecipientTypeDetails,
            "SamAccountName" => m.SamAccountName,
            "StateOrProvince" => m.StateOrProvince,
            "StreetAddress" => m.StreetAddress,
            "UserPrincipalName" => m.UserPrincipalName,
            _ when canonicalPropertyName.StartsWith("CustomAttribute", StringComparison.Ordinal) =>
                m.CustomAttributes[int.Parse(canonicalPropertyName.AsSpan("CustomAttribute".Length)) - 1],
            _ => null,
        };
    }
}

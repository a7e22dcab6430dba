using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>The plain text attributes Set-Mailbox writes (Exchange splits some of them onto Set-User).</summary>
public static class MailboxAttributes
{
    public static readonly string[] Names =
    [
        "DisplayName", "FirstName", "LastName", "Initials", "Department", "Company", "Office", "City",
        "StateOrProvince", "PostalCode", "CountryOrRegion", "StreetAddress",
        .. Enumerable.Range(1, 15).Select(i => $"CustomAttribute{i}"),
    ];

    public static void Apply(Mailbox mailbox, CommandParameters p)
    {
        foreach (var name in Names.Where(p.Has))
        {
            var value = p.String(name) is { Length: > 0 } v ? v.Trim() : null;
            switch (name)
            {
                case "DisplayName":
                    mailbox.DisplayName = value ?? throw ManagementErrors.InvalidArgument("DisplayName can't be empty.", name);
                    break;
                case "FirstName": mailbox.FirstName = value; break;
                case "LastName": mailbox.LastName = value; break;
                case "Initials": mailbox.Initials = value; break;
                case "Department": mailbox.Department = value; break;
                case "Company": mailbox.Company = value; break;
                case "Office": mailbox.Office = value; break;
                case "City": mailbox.City = value; break;
                case "StateOrProvince": mailbox.StateOrProvince = value; break;
                case "PostalCode": mailbox.PostalCode = value; break;
                case "CountryOrRegion": mailbox.CountryOrRegion = value; break;
                case "StreetAddress": mailbox.StreetAddress = value; break;
                default:
                    mailbox.CustomAttributes[int.Parse(name.AsSpan("CustomAttribute".Length)) - 1] = value;
                    break;
            }
        }
    }
}

using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;
using Mailroom.OPath;

namespace Mailroom.Directory.ClientAccessRules;

/// <summary>
/// The attributes a client access rule's <c>UserRecipientFilter</c> may test (exchange.md §3.4): a restricted set,
/// so a rule can't depend on values users change about themselves or on group membership.
/// </summary>
public static class UserRecipientFilterSchema
{
    public static readonly OPathSchema Schema = new(
        new[] { "City", "Company", "CountryOrRegion", "Department", "Office", "PostalCode", "StateOrProvince", "StreetAddress" }
            .Concat(Enumerable.Range(1, 15).Select(i => $"CustomAttribute{i}")));

    /// <summary>How a mailbox answers the filter: the recipient filter's record (which knows every name above).</summary>
    public static IOPathRecord Record(Mailbox mailbox) => RecipientFilterSchema.Record(mailbox);
}

using Mailroom.Addressing;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Policies;

/// <summary>Keeps a recipient's address properties consistent: one primary, and the UPN paired with it.</summary>
public static class RecipientAddresses
{
    /// <summary>
    /// Writes <paramref name="addresses"/> (which must hold exactly one primary SMTP address) to the mailbox and
    /// updates PrimarySmtpAddress. A UPN that equalled the old primary follows the new one, since Mailroom keeps
    /// a user's sign-in name and email address the same unless an administrator set them apart.
    /// </summary>
    public static void Assign(Mailbox mailbox, IReadOnlyList<ProxyAddress> addresses)
    {
        var primaries = addresses.Where(a => a.IsPrimary).ToList();
        if (primaries.Count != 1)
        {
            throw new FormatException("EmailAddresses must hold exactly one primary SMTP address (SMTP:).");
        }

        var duplicate = addresses.GroupBy(a => a.ToString().ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"The address \"{duplicate.First()}\" is listed twice.");
        }

        var oldPrimary = mailbox.PrimarySmtpAddress;
        mailbox.EmailAddresses = addresses.Select(a => a.ToString()).ToList();
        mailbox.PrimarySmtpAddress = primaries[0].Address;
        if (mailbox.UserPrincipalName.Length == 0 || mailbox.UserPrincipalName.Equals(oldPrimary, StringComparison.OrdinalIgnoreCase))
        {
            mailbox.UserPrincipalName = mailbox.PrimarySmtpAddress;
        }
    }

    /// <summary>
    /// Reads an <c>EmailAddresses</c> value as Exchange does: entries without a type are SMTP; when none is marked
    /// <c>SMTP:</c>, the first SMTP entry becomes primary.
    /// </summary>
    public static List<ProxyAddress> Parse(IEnumerable<string> values)
    {
        var list = ParseLoose(values);

        if (list.Count(p => p.IsPrimary) > 1)
        {
            throw new FormatException("Only one address can be the primary SMTP address (SMTP:).");
        }

        if (!list.Any(p => p.IsPrimary) && list.FindIndex(p => p.IsSmtp) is var first and >= 0)
        {
            list[first] = list[first].AsPrimary();
        }

        return list;
    }

    /// <summary>Parses each entry (no prefix means a secondary SMTP address) without the primary rules.</summary>
    public static List<ProxyAddress> ParseLoose(IEnumerable<string> values)
    {
        var list = new List<ProxyAddress>();
        foreach (var value in values)
        {
            if (!ProxyAddress.TryParse(value, out var proxy, out var error))
            {
                throw new FormatException(error);
            }

            list.Add(proxy!);
        }

        return list;
    }
}

using MimeKit;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>Address headers: MimeKit parses (loosely), we flatten to ENVELOPE shape and derive the sort and search keys.</summary>
public static partial class MessageIndexer
{
    private static List<InternetAddress> Addresses(Dictionary<string, byte[]> fields, string name)
    {
        if (!fields.TryGetValue(name, out var raw))
        {
            return [];
        }

        try
        {
            return InternetAddressList.TryParse(Options, raw, out var list) ? [.. list] : [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static IReadOnlyList<EnvelopeAddress> Envelope(List<InternetAddress> addresses)
    {
        var result = new List<EnvelopeAddress>(addresses.Count);
        foreach (var address in addresses)
        {
            Flatten(address, result);
        }

        return result;
    }

    /// <summary>RFC 9051 §7.5.2: a group is a start marker (name in the mailbox slot), its members, and an all-NIL end marker.</summary>
    private static void Flatten(InternetAddress address, List<EnvelopeAddress> result)
    {
        switch (address)
        {
            case MailboxAddress mailbox:
                result.Add(new EnvelopeAddress(
                    NullIfEmpty(mailbox.Name),
                    mailbox.Route.Count > 0 ? "@" + string.Join(",@", mailbox.Route) : null,
                    NullIfEmpty(mailbox.LocalPart) ?? EnvelopeAddress.MissingMailbox,
                    NullIfEmpty(mailbox.Domain) ?? EnvelopeAddress.MissingDomain));
                break;
            case GroupAddress group:
                result.Add(new EnvelopeAddress(null, null, group.Name ?? string.Empty, null));
                foreach (var member in group.Members)
                {
                    Flatten(member, result);
                }

                result.Add(new EnvelopeAddress(null, null, null, null));
                break;
        }
    }

    private static IEnumerable<MailboxAddress> Mailboxes(IEnumerable<InternetAddress> addresses)
    {
        foreach (var address in addresses)
        {
            if (address is MailboxAddress mailbox)
            {
                yield return mailbox;
            }
            else if (address is GroupAddress group)
            {
                foreach (var member in Mailboxes(group.Members))
                {
                    yield return member;
                }
            }
        }
    }

    private static string SortMailbox(List<InternetAddress> addresses) =>
        Mailboxes(addresses).FirstOrDefault() is { } first ? BaseSubject.AsciiUpper(first.LocalPart ?? string.Empty) : string.Empty;

    private static string SortDisplay(List<InternetAddress> addresses)
    {
        if (Mailboxes(addresses).FirstOrDefault() is not { } first)
        {
            return string.Empty;
        }

        var display = string.IsNullOrWhiteSpace(first.Name) ? first.Address : first.Name;
        return HeaderText.Collapse(display ?? string.Empty).ToUpperInvariant();
    }

    private static string SearchText(List<InternetAddress> addresses) =>
        string.Join(", ", Mailboxes(addresses).Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}

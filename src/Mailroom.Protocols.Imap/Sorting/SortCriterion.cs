using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Sorting;

/// <summary>RFC 5256 §3 sort keys, and RFC 5957's DISPLAYFROM/DISPLAYTO.</summary>
public enum SortKey
{
    Arrival,
    Cc,
    Date,
    From,
    Size,
    Subject,
    To,
    DisplayFrom,
    DisplayTo,
}

/// <summary>One key of a SORT program; <see cref="Reverse"/> applies to it alone (RFC 5256 §3 "REVERSE").</summary>
public readonly record struct SortCriterion(SortKey Key, bool Reverse)
{
    /// <summary>Parses the parenthesized sort-criteria list. Throws only <see cref="ArgumentSyntaxException"/>.</summary>
    public static IReadOnlyList<SortCriterion> ParseList(ImapToken token)
    {
        if (token.Kind != ImapTokenKind.List || token.Items.Count == 0)
        {
            throw new ArgumentSyntaxException("SORT needs a parenthesized list of sort keys.");
        }

        var criteria = new List<SortCriterion>();
        var reverse = false;
        foreach (var item in token.Items)
        {
            var word = item.Kind == ImapTokenKind.Atom ? item.Text.ToUpperInvariant() : string.Empty;
            if (word == "REVERSE" && !reverse)
            {
                reverse = true;
                continue;
            }

            var key = word switch
            {
                "ARRIVAL" => SortKey.Arrival,
                "CC" => SortKey.Cc,
                "DATE" => SortKey.Date,
                "FROM" => SortKey.From,
                "SIZE" => SortKey.Size,
                "SUBJECT" => SortKey.Subject,
                "TO" => SortKey.To,
                "DISPLAYFROM" => SortKey.DisplayFrom,
                "DISPLAYTO" => SortKey.DisplayTo,
                _ => throw new ArgumentSyntaxException($"Unknown sort key {item}."),
            };
            criteria.Add(new SortCriterion(key, reverse));
            reverse = false;
        }

        return reverse ? throw new ArgumentSyntaxException("REVERSE must precede a sort key.") : criteria;
    }
}

namespace Mailroom.Mailboxes.Model;

/// <summary>
/// IMAP keywords (RFC 9051 §2.3.2 flag-keyword, an atom): case-insensitive, so a message keeps one spelling of each.
/// Stored as one space-separated column, which an atom can never contain.
/// </summary>
public static class Keywords
{
    public const int MaxLength = 100;

    public static IReadOnlyList<string> Normalize(IEnumerable<string> keywords)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var keyword in keywords)
        {
            if (!IsValid(keyword))
            {
                throw new ArgumentException($"'{keyword}' is not an IMAP keyword (an atom without '\\').", nameof(keywords));
            }

            if (seen.Add(keyword))
            {
                list.Add(keyword);
            }
        }

        list.Sort(StringComparer.OrdinalIgnoreCase);
        return list;
    }

    /// <summary>atom-char minus '\' (system flags are not keywords): no SP, CTL, "(){%*\"]" or 8-bit.</summary>
    public static bool IsValid(string keyword) =>
        keyword.Length is > 0 and <= MaxLength && keyword.All(c => c is > ' ' and < (char)0x7F && "(){%*\"\\]".IndexOf(c) < 0);

    public static string Join(IReadOnlyList<string> keywords) => string.Join(' ', keywords);

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Length == 0 ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

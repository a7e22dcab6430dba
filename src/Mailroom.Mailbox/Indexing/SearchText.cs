namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// The case folding behind SEARCH's case-insensitive substring match (RFC 9051 §6.4.4) on indexed header text:
/// invariant upper case. The store keeps folded copies and the database matches them bytewise (instr, strpos);
/// <see cref="Contains"/> is the same test in .NET, so the database and the session never disagree on a match.
/// </summary>
public static class SearchText
{
    public static string Fold(string text) => text.ToUpperInvariant();

    /// <summary>Whether <paramref name="haystack"/> contains <paramref name="needle"/> after folding both.</summary>
    public static bool Contains(string haystack, string needle) => Fold(haystack).Contains(Fold(needle), StringComparison.Ordinal);
}

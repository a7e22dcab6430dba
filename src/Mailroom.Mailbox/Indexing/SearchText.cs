namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// The case folding behind SEARCH's case-insensitive substring match (RFC 9051 §6.4.4). Invariant upper-casing is
/// what .NET's OrdinalIgnoreCase compares by, so text folded here and matched bytewise by the database (instr,
/// strpos) finds exactly what <c>Contains(…, OrdinalIgnoreCase)</c> finds in .NET.
/// </summary>
public static class SearchText
{
    public static string Fold(string text) => text.ToUpperInvariant();
}

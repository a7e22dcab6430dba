namespace Mailroom.Mailboxes.Indexing;

/// <summary>
/// Extracts msg-ids ("&lt;left@right&gt;") from Message-ID, In-Reply-To and References. Deliberately forgiving, as
/// RFC 5256 §2.2 asks of THREAD: anything between angle brackets counts, whitespace inside is dropped, junk between
/// ids (comments, phrases from old mailers) is skipped.
/// </summary>
public static class MessageIds
{
    public static IReadOnlyList<string> Extract(string? value)
    {
        var ids = new List<string>();
        if (string.IsNullOrEmpty(value))
        {
            return ids;
        }

        var start = value.IndexOf('<');
        while (start >= 0)
        {
            var end = value.IndexOf('>', start + 1);
            if (end < 0)
            {
                break;
            }

            var next = value.IndexOf('<', start + 1);
            if (next >= 0 && next < end)
            {
                // "<a <b@c>": the first '<' opened nothing.
                start = next;
                continue;
            }

            var id = string.Concat(value.AsSpan(start + 1, end - start - 1).ToString().Where(c => !char.IsWhiteSpace(c)));
            if (id.Length > 0)
            {
                ids.Add(id);
            }

            start = value.IndexOf('<', end + 1);
        }

        return ids;
    }

    public static string? First(string? value) => Extract(value) is [var first, ..] ? first : null;
}

using Mailroom.Mailboxes.Model;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>IMAP flag lists (RFC 9051 §2.3.2) to and from the store's <see cref="MessageFlags"/> and keywords.</summary>
public static class ImapFlags
{
    /// <summary>The FLAGS response's system flags (RFC 9051 §7.3.5).</summary>
    public const string SystemFlags = @"\Answered \Flagged \Deleted \Seen \Draft";

    private static readonly (MessageFlags Flag, string Name)[] Names =
    [
        (MessageFlags.Answered, @"\Answered"),
        (MessageFlags.Flagged, @"\Flagged"),
        (MessageFlags.Deleted, @"\Deleted"),
        (MessageFlags.Seen, @"\Seen"),
        (MessageFlags.Draft, @"\Draft"),
    ];

    /// <summary>
    /// Parses a flag list's items (STORE, APPEND). System flags map to bits; other atoms without "\" are keywords.
    /// \Recent cannot be set (RFC 3501 §2.3.2) and unknown "\" flags are refused; false means BAD.
    /// </summary>
    public static bool TryParse(IReadOnlyList<ImapToken> items, out MessageFlags flags, out List<string> keywords)
    {
        flags = MessageFlags.None;
        keywords = [];
        foreach (var item in items)
        {
            if (item.Kind != ImapTokenKind.Atom)
            {
                return false;
            }

            var text = item.Text;
            if (text.StartsWith('\\'))
            {
                var known = Array.FindIndex(Names, n => n.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
                if (known < 0)
                {
                    return false;
                }

                flags |= Names[known].Flag;
            }
            else if (Keywords.IsValid(text))
            {
                keywords.Add(text);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <c>(\Seen \Flagged keyword …)</c>; \Recent only for IMAP4rev1 sessions that see the message as recent.</summary>
    public static ImapResponseWriter Write(ImapResponseWriter writer, MessageFlags flags, IReadOnlyList<string> keywords, bool recent = false)
    {
        writer.OpenList();
        var first = true;
        foreach (var (flag, name) in Names)
        {
            if ((flags & flag) != 0)
            {
                Separate(writer, ref first).Atom(name);
            }
        }

        if (recent)
        {
            Separate(writer, ref first).Atom(@"\Recent");
        }

        foreach (var keyword in keywords)
        {
            Separate(writer, ref first).Atom(keyword);
        }

        return writer.CloseList();
    }

    private static ImapResponseWriter Separate(ImapResponseWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.Space();
        }

        first = false;
        return writer;
    }
}

using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// Parses FETCH's arguments after the sequence set (RFC 9051 §6.4.5, fetch-att; RFC 3516 BINARY; RFC 7162 modifiers):
/// a macro, one item, or a parenthesized list of items, then an optional list of fetch modifiers. Throws only
/// <see cref="ArgumentSyntaxException"/>.
/// </summary>
public static class FetchAttributeParser
{
    /// <summary>More items than this in one FETCH is refused, which bounds the work a single command line can ask for.</summary>
    public const int MaxItems = 100;

    public static FetchAttributes Parse(IReadOnlyList<ImapToken> arguments, int start = 0)
    {
        var cursor = new TokenCursor(arguments, start);
        var first = cursor.Next("fetch attributes");
        var items = new List<FetchItem>();
        if (first.Kind == ImapTokenKind.List)
        {
            if (first.Items.Count == 0)
            {
                throw new ArgumentSyntaxException("Empty fetch attribute list.");
            }

            if (first.Items.Count > MaxItems)
            {
                throw new ArgumentSyntaxException($"At most {MaxItems} fetch attributes.");
            }

            foreach (var token in first.Items)
            {
                items.Add(ParseItem(token));
            }
        }
        else if (first.IsAtom("ALL") || first.IsAtom("FAST") || first.IsAtom("FULL"))
        {
            // RFC 9051 §6.4.5 macros; they cannot appear inside a list.
            items.Add(new FetchItem(FetchItemKind.Flags));
            items.Add(new FetchItem(FetchItemKind.InternalDate));
            items.Add(new FetchItem(FetchItemKind.Rfc822Size));
            if (!first.IsAtom("FAST"))
            {
                items.Add(new FetchItem(FetchItemKind.Envelope));
            }

            if (first.IsAtom("FULL"))
            {
                items.Add(new FetchItem(FetchItemKind.Body));
            }
        }
        else
        {
            items.Add(ParseItem(first));
        }

        ulong? changedSince = null;
        var vanished = false;
        if (!cursor.AtEnd)
        {
            var modifiers = new TokenCursor(cursor.NextList("fetch modifiers"));
            while (!modifiers.AtEnd)
            {
                var name = modifiers.NextAtom("fetch modifier");
                if (name.Equals("CHANGEDSINCE", StringComparison.OrdinalIgnoreCase) && changedSince is null)
                {
                    changedSince = modifiers.NextNumber64("CHANGEDSINCE");
                }
                else if (name.Equals("VANISHED", StringComparison.OrdinalIgnoreCase) && !vanished)
                {
                    vanished = true;
                }
                else
                {
                    throw new ArgumentSyntaxException($"Unknown or repeated fetch modifier {TokenCursor.Truncate(name)}.");
                }
            }

            cursor.ExpectEnd();
        }

        // RFC 7162 §3.1.4.1: CHANGEDSINCE implies MODSEQ in the response.
        if (changedSince is not null && !items.Any(i => i.Kind == FetchItemKind.ModSeq))
        {
            items.Add(FetchItem.ModSeq);
        }

        return new FetchAttributes(items, changedSince, vanished);
    }

    private static FetchItem ParseItem(ImapToken token)
    {
        if (token.Kind != ImapTokenKind.Atom)
        {
            throw new ArgumentSyntaxException($"Expected a fetch attribute, got {token}.");
        }

        var text = token.Text;
        var bracket = text.IndexOf('[');
        if (bracket < 0)
        {
            return text.ToUpperInvariant() switch
            {
                "UID" => new FetchItem(FetchItemKind.Uid),
                "FLAGS" => new FetchItem(FetchItemKind.Flags),
                "INTERNALDATE" => new FetchItem(FetchItemKind.InternalDate),
                "RFC822.SIZE" => new FetchItem(FetchItemKind.Rfc822Size),
                "ENVELOPE" => new FetchItem(FetchItemKind.Envelope),
                "BODY" => new FetchItem(FetchItemKind.Body),
                "BODYSTRUCTURE" => new FetchItem(FetchItemKind.BodyStructure),
                "RFC822" => new FetchItem(FetchItemKind.Rfc822),
                "RFC822.HEADER" => new FetchItem(FetchItemKind.Rfc822Header),
                "RFC822.TEXT" => new FetchItem(FetchItemKind.Rfc822Text),
                "MODSEQ" => new FetchItem(FetchItemKind.ModSeq),
                "EMAILID" => new FetchItem(FetchItemKind.EmailId),
                "THREADID" => new FetchItem(FetchItemKind.ThreadId),
                _ => throw new ArgumentSyntaxException($"Unknown fetch attribute {TokenCursor.Truncate(text)}."),
            };
        }

        var name = text[..bracket].ToUpperInvariant();
        var close = text.LastIndexOf(']');
        if (close < bracket)
        {
            throw new ArgumentSyntaxException("Unterminated section in fetch attribute.");
        }

        var inside = text[(bracket + 1)..close];
        var partial = ParsePartial(text[(close + 1)..]);
        return name switch
        {
            "BODY" or "BODY.PEEK" => new FetchItem(FetchItemKind.BodySection)
            {
                Section = SectionParser.Parse(inside), Peek = name == "BODY.PEEK", Partial = partial,
            },
            "BINARY" or "BINARY.PEEK" => new FetchItem(FetchItemKind.Binary)
            {
                Section = SectionParser.ParseBinary(inside), Peek = name == "BINARY.PEEK", Partial = partial,
            },
            "BINARY.SIZE" when partial is null => new FetchItem(FetchItemKind.BinarySize) { Section = SectionParser.ParseBinary(inside) },
            _ => throw new ArgumentSyntaxException($"Unknown fetch attribute {TokenCursor.Truncate(text)}."),
        };
    }

    /// <summary>partial = "&lt;" number "." nz-number "&gt;", or nothing.</summary>
    private static PartialRange? ParsePartial(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var dot = text.IndexOf('.');
        if (text[0] != '<' || text[^1] != '>' || dot < 0)
        {
            throw new ArgumentSyntaxException("A partial is <origin.length>.");
        }

        var origin = TokenCursor.ParseNumber(text[1..dot], "Partial origin");
        var length = TokenCursor.ParseNumber(text[(dot + 1)..^1], "Partial length");
        return length == 0 ? throw new ArgumentSyntaxException("A partial's length is not zero.") : new PartialRange(origin, length);
    }
}

using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Tests.Support;

/// <summary>
/// Builds token lists from a compact text form for table-driven tests: atoms split on spaces, "…" quoted strings,
/// parentheses as lists. Brackets keep their contents in one atom, as the command reader does.
/// </summary>
public static class Tokens
{
    public static IReadOnlyList<ImapToken> Parse(string text)
    {
        var pos = 0;
        var list = ParseList(text, ref pos, nested: false);
        return list;
    }

    private static List<ImapToken> ParseList(string text, ref int pos, bool nested)
    {
        var items = new List<ImapToken>();
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == ' ')
            {
                pos++;
            }
            else if (c == '(')
            {
                pos++;
                items.Add(ImapToken.List(ParseList(text, ref pos, nested: true)));
            }
            else if (c == ')')
            {
                pos++;
                if (nested)
                {
                    return items;
                }
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', pos + 1);
                items.Add(ImapToken.Quoted(text[(pos + 1)..end]));
                pos = end + 1;
            }
            else
            {
                var start = pos;
                var depth = 0;
                while (pos < text.Length && (depth > 0 || (text[pos] != ' ' && text[pos] != '(' && text[pos] != ')')))
                {
                    depth += text[pos] == '[' ? 1 : text[pos] == ']' ? -1 : 0;
                    pos++;
                }

                items.Add(ImapToken.Atom(text[start..pos]));
            }
        }

        return items;
    }
}

namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// Turns one IMAP command into <see cref="ImapToken"/>s, one line fragment at a time: a command with literals arrives
/// as fragments separated by the literals' octets (RFC 9051 §4.3), so the tokenizer keeps its open lists between
/// <see cref="Feed"/> calls and takes each literal through <see cref="AddLiteral"/>. Synchronous and I/O-free; the
/// command reader does the reading and enforces the size limits.
/// </summary>
/// <remarks>
/// The grammar is RFC 9051 §9's, a little lenient where clients are known to be: 8-bit octets are accepted in atoms
/// (UTF-8 mailbox names from IMAP4rev2 clients), and a bracketed part of an atom may hold spaces, parentheses and
/// quoted strings, so <c>BODY.PEEK[HEADER.FIELDS (FROM "TO")]&lt;0.100&gt;</c> is one atom.
/// </remarks>
public sealed class ImapTokenizer
{
    /// <summary>Deeper nesting than this is refused, so no handler recursion over tokens can run away.</summary>
    public const int MaxDepth = 32;

    private readonly List<List<ImapToken>> _open = [];
    private List<ImapToken> _top = [];
    private bool _needSeparator;

    /// <summary>How many lists are open (0: the next token is a top-level argument).</summary>
    public int Depth => _open.Count;

    /// <summary>The top-level tokens so far (tag, command name, arguments).</summary>
    public IReadOnlyList<ImapToken> TopLevel => _top;

    /// <summary>Starts a new command.</summary>
    public void Reset()
    {
        _open.Clear();
        _top = [];
        _needSeparator = false;
    }

    /// <summary>
    /// Starts a new part of the same command, forgetting the tokens so far: used after a streamed literal (APPEND's
    /// message), whose handler has consumed what came before it. Only valid at depth 0.
    /// </summary>
    public void ResetTopLevel()
    {
        _top = [];
        _needSeparator = true;
    }

    /// <summary>Adds a literal's octets as the token its announcement stood for.</summary>
    public void AddLiteral(ReadOnlyMemory<byte> octets, bool isLiteral8)
    {
        Current.Add(ImapToken.Literal(octets, isLiteral8));
        _needSeparator = true;
    }

    /// <summary>
    /// Tokenizes one line fragment (without CRLF): the whole first line, or what follows a literal up to the next CRLF.
    /// </summary>
    public TokenizeResult Feed(ReadOnlySpan<byte> fragment)
    {
        var i = 0;
        while (i < fragment.Length)
        {
            var c = fragment[i];
            if (c == (byte)')')
            {
                if (_open.Count == 0)
                {
                    return Invalid("unbalanced ')'", fragment);
                }

                var items = Current;
                _open.RemoveAt(_open.Count - 1);
                Current.Add(ImapToken.List(items));
                _needSeparator = true;
                i++;
                continue;
            }

            if (_needSeparator)
            {
                if (c != (byte)' ')
                {
                    return Invalid("missing space between arguments", fragment);
                }

                _needSeparator = false;
                i++;
                if (i == fragment.Length)
                {
                    return Invalid("trailing space", fragment);
                }

                continue;
            }

            switch (c)
            {
                case (byte)'(':
                    if (_open.Count == MaxDepth)
                    {
                        return Invalid("lists nested too deeply", fragment);
                    }

                    _open.Add([]);
                    i++;
                    break;
                case (byte)'"':
                    if (!TryQuoted(fragment, ref i, out var quoted))
                    {
                        return Invalid("unterminated or malformed quoted string", fragment);
                    }

                    Current.Add(ImapToken.Quoted(quoted));
                    _needSeparator = true;
                    break;
                case (byte)'{':
                case (byte)'~' when i + 1 < fragment.Length && fragment[i + 1] == (byte)'{':
                    return TryLiteralSpec(fragment[i..], out var spec)
                        ? TokenizeResult.NeedLiteral(spec)
                        : Invalid("malformed literal", fragment);
                case (byte)' ':
                    return Invalid("unexpected space", fragment);
                default:
                    if (!TryAtom(fragment, ref i, out var atom))
                    {
                        return Invalid("invalid character in atom", fragment);
                    }

                    Current.Add(ImapToken.Atom(atom));
                    _needSeparator = true;
                    break;
            }
        }

        return _open.Count == 0 ? TokenizeResult.Complete : Invalid("unbalanced '('", fragment);
    }

    private List<ImapToken> Current => _open.Count == 0 ? _top : _open[^1];

    /// <summary>An invalid fragment; any literal announced at its very end is still reported, so the reader can keep
    /// the connection in step (refuse a synchronizing one, discard or close on a non-synchronizing one).</summary>
    private static TokenizeResult Invalid(string error, ReadOnlySpan<byte> fragment) =>
        TokenizeResult.Invalid(error, TrailingLiteral(fragment));

    /// <summary>The literal announced at the end of a fragment, if its last octets are <c>{n}</c>, <c>{n+}</c> or <c>~{n}</c>.</summary>
    public static LiteralSpec? TrailingLiteral(ReadOnlySpan<byte> fragment)
    {
        if (fragment.IsEmpty || fragment[^1] != (byte)'}')
        {
            return null;
        }

        var open = fragment.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return null;
        }

        var start = open > 0 && fragment[open - 1] == (byte)'~' ? open - 1 : open;
        return TryLiteralSpec(fragment[start..], out var spec) ? spec : null;
    }

    private static bool TryLiteralSpec(ReadOnlySpan<byte> text, out LiteralSpec spec)
    {
        spec = default;
        var literal8 = text[0] == (byte)'~';
        if (literal8)
        {
            text = text[1..];
        }

        // "{" number ["+"] "}" and nothing after it: the octets follow the CRLF.
        if (text.Length < 3 || text[0] != (byte)'{' || text[^1] != (byte)'}')
        {
            return false;
        }

        var digits = text[1..^1];
        var nonSync = digits.Length > 0 && digits[^1] == (byte)'+';
        if (nonSync)
        {
            digits = digits[..^1];
        }

        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        long size = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            size = (size * 10) + (d - '0');
        }

        spec = new LiteralSpec(size, nonSync, literal8);
        return true;
    }

    private static bool TryQuoted(ReadOnlySpan<byte> line, ref int i, out byte[] value)
    {
        value = [];
        var buffer = new List<byte>();
        for (var j = i + 1; j < line.Length; j++)
        {
            var c = line[j];
            if (c == (byte)'"')
            {
                value = [.. buffer];
                i = j + 1;
                return true;
            }

            if (c == (byte)'\\')
            {
                // quoted-specials only: "\\" and "\"" (RFC 9051 §9).
                if (j + 1 >= line.Length || line[j + 1] is not ((byte)'\\' or (byte)'"'))
                {
                    return false;
                }

                c = line[++j];
            }
            else if (c is 0 or (byte)'\r' or (byte)'\n')
            {
                return false;
            }

            buffer.Add(c);
        }

        return false;
    }

    private static bool TryAtom(ReadOnlySpan<byte> line, ref int i, out byte[] value)
    {
        var start = i;
        var j = i;
        while (j < line.Length)
        {
            var c = line[j];
            if (c is (byte)' ' or (byte)')')
            {
                break;
            }

            if (c == (byte)'[')
            {
                if (!SkipSection(line, ref j))
                {
                    value = [];
                    return false;
                }

                continue;
            }

            if (c is < 0x20 or 0x7F or (byte)'(' or (byte)'{' or (byte)'"')
            {
                value = [];
                return false;
            }

            j++;
        }

        value = line[start..j].ToArray();
        i = j;
        return j > start;
    }

    /// <summary>Moves past a bracketed section (<c>[HEADER.FIELDS (A "B")]</c>), quoted strings inside included.</summary>
    private static bool SkipSection(ReadOnlySpan<byte> line, ref int j)
    {
        for (j++; j < line.Length; j++)
        {
            var c = line[j];
            if (c == (byte)']')
            {
                j++;
                return true;
            }

            if (c == (byte)'"')
            {
                var k = j;
                if (!TryQuoted(line, ref k, out _))
                {
                    return false;
                }

                j = k - 1;
            }
            else if (c is < 0x20 or 0x7F or (byte)'{' or (byte)'[')
            {
                return false;
            }
        }

        return false;
    }
}

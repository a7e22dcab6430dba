using System.Text;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Parses one command line (without its CRLF): a case-insensitive keyword, then arguments separated by spaces
/// (RFC 1939 §3). Synchronous, allocation-light and total: every byte sequence gives a command or an -ERR response.
/// </summary>
public static class Pop3CommandParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Pop3ParseResult Parse(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        var keyword = space < 0 ? line : line[..space];
        var verb = LookUpVerb(keyword);
        if (verb == Pop3Verb.Unknown)
        {
            return Pop3ParseResult.Fail(Pop3Verb.Unknown, Pop3Responses.UnknownCommand);
        }

        var rest = space < 0 ? [] : line[(space + 1)..];
        string text;
        try
        {
            text = StrictUtf8.GetString(rest);
        }
        catch (DecoderFallbackException)
        {
            return Pop3ParseResult.Fail(verb, Pop3Responses.SyntaxError);
        }

        return verb switch
        {
            // RFC 1939 §7: a password may contain spaces, so PASS takes the rest of the line as it is.
            Pop3Verb.Pass => text.Length > 0 ? Success(new Pop3Command(verb) { Argument = text }) : Syntax(verb),
            Pop3Verb.User => text.Trim() is { Length: > 0 } user && !user.Contains(' ') ? Success(new Pop3Command(verb) { Argument = user }) : Syntax(verb),
            Pop3Verb.Auth => ParseAuth(text),
            Pop3Verb.List or Pop3Verb.Uidl => ParseNumbers(verb, text, min: 0, max: 1),
            Pop3Verb.Retr or Pop3Verb.Dele => ParseNumbers(verb, text, min: 1, max: 1),
            Pop3Verb.Top => ParseNumbers(verb, text, min: 2, max: 2),
            _ => Arguments(text).Length == 0 ? Success(new Pop3Command(verb)) : Syntax(verb),
        };
    }

    /// <summary>The verb of a keyword, case-insensitively; <see cref="Pop3Verb.Unknown"/> otherwise.</summary>
    public static Pop3Verb LookUpVerb(ReadOnlySpan<byte> keyword)
    {
        if (keyword.Length is < 3 or > 4)
        {
            return Pop3Verb.Unknown;
        }

        Span<byte> upper = stackalloc byte[4];
        for (var i = 0; i < keyword.Length; i++)
        {
            upper[i] = (byte)(keyword[i] & ~0x20);
        }

        return upper[..keyword.Length] switch
        {
            [(byte)'U', (byte)'S', (byte)'E', (byte)'R'] => Pop3Verb.User,
            [(byte)'P', (byte)'A', (byte)'S', (byte)'S'] => Pop3Verb.Pass,
            [(byte)'A', (byte)'U', (byte)'T', (byte)'H'] => Pop3Verb.Auth,
            [(byte)'C', (byte)'A', (byte)'P', (byte)'A'] => Pop3Verb.Capa,
            [(byte)'S', (byte)'T', (byte)'L', (byte)'S'] => Pop3Verb.Stls,
            [(byte)'Q', (byte)'U', (byte)'I', (byte)'T'] => Pop3Verb.Quit,
            [(byte)'S', (byte)'T', (byte)'A', (byte)'T'] => Pop3Verb.Stat,
            [(byte)'L', (byte)'I', (byte)'S', (byte)'T'] => Pop3Verb.List,
            [(byte)'R', (byte)'E', (byte)'T', (byte)'R'] => Pop3Verb.Retr,
            [(byte)'D', (byte)'E', (byte)'L', (byte)'E'] => Pop3Verb.Dele,
            [(byte)'N', (byte)'O', (byte)'O', (byte)'P'] => Pop3Verb.Noop,
            [(byte)'R', (byte)'S', (byte)'E', (byte)'T'] => Pop3Verb.Rset,
            [(byte)'T', (byte)'O', (byte)'P'] => Pop3Verb.Top,
            [(byte)'U', (byte)'I', (byte)'D', (byte)'L'] => Pop3Verb.Uidl,
            _ => Pop3Verb.Unknown,
        };
    }

    /// <summary>AUTH alone lists the mechanisms (as Outlook expects); AUTH mech [initial-response] (RFC 5034 §4).</summary>
    private static Pop3ParseResult ParseAuth(string text)
    {
        var arguments = Arguments(text);
        return arguments.Length switch
        {
            0 => Success(new Pop3Command(Pop3Verb.Auth)),
            1 => Success(new Pop3Command(Pop3Verb.Auth) { Argument = arguments[0].ToUpperInvariant() }),
            2 => Success(new Pop3Command(Pop3Verb.Auth) { Argument = arguments[0].ToUpperInvariant(), InitialResponse = arguments[1] }),
            _ => Syntax(Pop3Verb.Auth),
        };
    }

    private static Pop3ParseResult ParseNumbers(Pop3Verb verb, string text, int min, int max)
    {
        var arguments = Arguments(text);
        if (arguments.Length < min || arguments.Length > max)
        {
            return Syntax(verb);
        }

        int? message = null;
        int? lines = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!TryParseNumber(arguments[i], out var value))
            {
                return Syntax(verb);
            }

            if (i == 0)
            {
                message = value;
            }
            else
            {
                lines = value;
            }
        }

        return Success(new Pop3Command(verb) { MessageNumber = message, LineCount = lines });
    }

    /// <summary>Decimal digits only; values beyond <see cref="int.MaxValue"/> saturate (no maildrop is that big, so a
    /// message number that large is simply "no such message", and a TOP line count that large means all lines).</summary>
    private static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        long result = 0;
        foreach (var c in text)
        {
            result = Math.Min(result * 10 + (c - '0'), int.MaxValue);
        }

        value = (int)result;
        return true;
    }

    private static string[] Arguments(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Pop3ParseResult Success(Pop3Command command) => Pop3ParseResult.Success(command);

    private static Pop3ParseResult Syntax(Pop3Verb verb) => Pop3ParseResult.Fail(verb, Pop3Responses.SyntaxError);
}

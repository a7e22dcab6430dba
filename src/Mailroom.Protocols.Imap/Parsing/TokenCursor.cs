using System.Globalization;

namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// Reads a command's argument tokens left to right for the argument parsers. Every failure is an
/// <see cref="ArgumentSyntaxException"/>, so a parser built on it can only throw that.
/// </summary>
public sealed class TokenCursor(IReadOnlyList<ImapToken> tokens, int start = 0)
{
    private int position = start;

    public bool AtEnd => position >= tokens.Count;

    public ImapToken? Peek => AtEnd ? null : tokens[position];

    public ImapToken Next(string expected) =>
        AtEnd ? throw new ArgumentSyntaxException($"Missing {expected}.") : tokens[position++];

    /// <summary>An atom, returned as text; anything else is a syntax error.</summary>
    public string NextAtom(string expected)
    {
        var token = Next(expected);
        return token.Kind == ImapTokenKind.Atom ? token.Text : throw new ArgumentSyntaxException($"Expected {expected}, got {token}.");
    }

    /// <summary>An astring (atom, quoted string or literal) as text.</summary>
    public string NextAString(string expected)
    {
        var token = Next(expected);
        return token.Kind is ImapTokenKind.Atom or ImapTokenKind.Quoted or ImapTokenKind.Literal
            ? token.Text
            : throw new ArgumentSyntaxException($"Expected {expected}, got a list.");
    }

    public IReadOnlyList<ImapToken> NextList(string expected)
    {
        var token = Next(expected);
        return token.Kind == ImapTokenKind.List ? token.Items : throw new ArgumentSyntaxException($"Expected a list of {expected}.");
    }

    public uint NextNumber(string expected) => ParseNumber(NextAtom(expected), expected);

    public ulong NextNumber64(string expected) => ParseNumber64(NextAtom(expected), expected);

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new ArgumentSyntaxException($"Unexpected argument {tokens[position]}.");
        }
    }

    /// <summary>RFC 9051 number: digits fitting 32 bits.</summary>
    public static uint ParseNumber(string text, string what) =>
        text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit) && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentSyntaxException($"{what} must be a 32-bit number, got '{Truncate(text)}'.");

    /// <summary>RFC 9051 number64 (mod-sequence values, RFC 7162): 0 ≤ n &lt; 2^63.</summary>
    public static ulong ParseNumber64(string text, string what) =>
        text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue
            ? value
            : throw new ArgumentSyntaxException($"{what} must be a 63-bit number, got '{Truncate(text)}'.");

    public static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

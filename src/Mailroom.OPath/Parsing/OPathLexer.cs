using System.Globalization;

namespace Mailroom.OPath.Parsing;

/// <summary>
/// Splits filter text into tokens on demand, so that the first error reported is the leftmost one.
/// </summary>
internal sealed class OPathLexer(string text)
{
    private const string Int64Range = "a number between -9223372036854775808 and 9223372036854775807";

    private int _index;

    /// <summary>True when <paramref name="name"/> lexes back as exactly one <see cref="TokenKind.Word"/>.</summary>
    public static bool IsPropertyName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] is '-' or '$' || !name.All(IsWordChar))
        {
            return false;
        }

        return !name.All(char.IsAsciiDigit);
    }

    public Token Next()
    {
        while (_index < text.Length && char.IsWhiteSpace(text[_index]))
        {
            _index++;
        }

        if (_index >= text.Length)
        {
            return new Token(TokenKind.End, text.Length + 1, string.Empty);
        }

        var start = _index;
        return text[start] switch
        {
            '(' => Single(TokenKind.LeftParen),
            ')' => Single(TokenKind.RightParen),
            '{' => Single(TokenKind.LeftBrace),
            '}' => Single(TokenKind.RightBrace),
            '\'' or '"' => ReadQuoted(start),
            '$' => ReadVariable(start),
            '-' => ReadDashed(start),
            _ => ReadWord(start),
        };
    }

    // Anything up to whitespace, a bracket or a quote, so that bare e-mail addresses and wildcards work.
    private static bool IsWordChar(char c) => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '{' or '}' or '\'' or '"');

    private Token Single(TokenKind kind)
    {
        _index++;
        return new Token(kind, _index, text[(_index - 1).._index]);
    }

    private string ReadRun(int start)
    {
        _index = start + 1;
        while (_index < text.Length && IsWordChar(text[_index]))
        {
            _index++;
        }

        return text[start.._index];
    }

    private Token ReadWord(int start)
    {
        var raw = ReadRun(start);
        return raw.All(char.IsAsciiDigit) ? Integer(start, raw) : new Token(TokenKind.Word, start + 1, raw, raw);
    }

    private Token ReadDashed(int start)
    {
        var raw = ReadRun(start);
        if (raw.Length > 1 && !raw.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return Integer(start, raw);
        }

        var position = start + 1;
        if (OperatorText.TryParse(raw, out var op))
        {
            return new Token(TokenKind.Comparison, position, raw, Operator: op);
        }

        return raw.ToLowerInvariant() switch
        {
            "-and" => new Token(TokenKind.And, position, raw),
            "-or" => new Token(TokenKind.Or, position, raw),
            "-not" => new Token(TokenKind.Not, position, raw),
            _ => new Token(TokenKind.Unknown, position, raw),
        };
    }

    private Token ReadVariable(int start)
    {
        var raw = ReadRun(start);
        var kind = raw.ToLowerInvariant() switch
        {
            "$null" => TokenKind.Null,
            "$true" => TokenKind.True,
            "$false" => TokenKind.False,
            _ => TokenKind.Unknown,
        };
        return new Token(kind, start + 1, raw);
    }

    private Token Integer(int start, string raw)
    {
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw ParseErrors.Unexpected(start + 1, Int64Range, "\"" + raw + "\"");
        }

        return new Token(TokenKind.Integer, start + 1, raw, Integer: value);
    }

    private Token ReadQuoted(int start)
    {
        var value = QuotedStringReader.Read(text, start, out _index);
        return new Token(TokenKind.String, start + 1, text[start.._index], value);
    }
}

namespace Mailroom.OPath.Parsing;

internal enum TokenKind
{
    End,
    Word,
    String,
    Integer,
    Null,
    True,
    False,
    And,
    Or,
    Not,
    Comparison,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,

    /// <summary>An unrecognised <c>-word</c> or <c>$word</c>; the parser reports it in context.</summary>
    Unknown,
}

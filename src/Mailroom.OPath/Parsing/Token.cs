namespace Mailroom.OPath.Parsing;

/// <param name="Position">1-based position of the first character.</param>
/// <param name="Raw">The source text of the token (empty at the end of the filter).</param>
/// <param name="Text">The decoded value of a string or word token.</param>
internal readonly record struct Token(
    TokenKind Kind,
    int Position,
    string Raw,
    string Text = "",
    long Integer = 0,
    OPathComparisonOperator Operator = default);

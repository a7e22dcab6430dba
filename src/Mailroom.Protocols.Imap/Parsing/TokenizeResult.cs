namespace Mailroom.Protocols.Imap.Parsing;

public enum TokenizeStatus
{
    /// <summary>The command is complete: every list closed, no literal pending.</summary>
    Complete,

    /// <summary>The fragment ended with a literal announcement; its octets come next, then the rest of the command.</summary>
    Literal,

    /// <summary>The fragment breaks the grammar; <see cref="TokenizeResult.Error"/> says how.</summary>
    Invalid,
}

/// <summary>What <see cref="ImapTokenizer.Feed"/> found in one line fragment.</summary>
/// <param name="Literal">For <see cref="TokenizeStatus.Literal"/>, and for an invalid fragment that still ended with a
/// well-formed literal announcement (whose octets the reader must then discard or refuse).</param>
public readonly record struct TokenizeResult(TokenizeStatus Status, LiteralSpec? Literal, string? Error)
{
    public static TokenizeResult Complete => new(TokenizeStatus.Complete, null, null);

    public static TokenizeResult NeedLiteral(LiteralSpec literal) => new(TokenizeStatus.Literal, literal, null);

    public static TokenizeResult Invalid(string error, LiteralSpec? trailing = null) => new(TokenizeStatus.Invalid, trailing, error);
}

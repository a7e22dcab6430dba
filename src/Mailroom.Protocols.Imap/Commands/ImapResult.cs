namespace Mailroom.Protocols.Imap;

/// <summary>How a command completed (RFC 9051 §7.1): the tagged OK, NO or BAD the session sends for it.</summary>
public enum ImapStatus
{
    Ok,
    No,
    Bad,

    /// <summary>The connection ends after this command; the handler has sent <c>* BYE</c> (or the peer is gone).</summary>
    Close,

    /// <summary>The handler wrote the tagged completion itself because something had to follow it (STARTTLS's
    /// handshake). The session writes nothing more for this command.</summary>
    Answered,
}

/// <summary>
/// What a handler returns. The session writes pending untagged updates (where RFC 9051 §7 allows them), then the
/// tagged line <c>tag OK [code] text</c>. Handlers never write the tagged line themselves.
/// </summary>
/// <param name="Code">A response code without brackets (RFC 9051 §7.1, RFC 5530): "TRYCREATE", "APPENDUID 38505 3955",
/// "READ-WRITE"; null for none.</param>
/// <param name="NextState">A state change the handler decided (SELECT → Selected, LOGIN → Authenticated, CLOSE →
/// Authenticated); null keeps the state.</param>
public readonly record struct ImapResult(ImapStatus Status, string Text, string? Code = null, ImapState? NextState = null)
{
    public static ImapResult Ok(string text, string? code = null) => new(ImapStatus.Ok, text, code);

    public static ImapResult No(string text, string? code = null) => new(ImapStatus.No, text, code);

    public static ImapResult Bad(string text, string? code = null) => new(ImapStatus.Bad, text, code);

    public static ImapResult Close { get; } = new(ImapStatus.Close, string.Empty);

    public static ImapResult Answered { get; } = new(ImapStatus.Answered, string.Empty);

    public ImapResult WithState(ImapState state) => this with { NextState = state };
}

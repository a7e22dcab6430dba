using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// One tagged command as the reader assembled it: <c>tag [UID] NAME arguments</c>, literals included.
/// </summary>
/// <param name="Tag">The client's tag, echoed in the tagged completion.</param>
/// <param name="Name">The command name in upper case, without the UID prefix ("FETCH" for "UID FETCH").</param>
/// <param name="IsUid">The command came as <c>UID name</c> (RFC 9051 §6.4.9): sets are UIDs, not sequence numbers.</param>
/// <param name="Arguments">The tokens after the name. For a streaming command (APPEND) only those before the first
/// streamed literal; see <see cref="PendingLiteral"/>.</param>
/// <param name="PendingLiteral">For a handler that streams literals (<see cref="IImapCommandHandler.StreamsLiteral"/>):
/// the literal announced after <see cref="Arguments"/>, whose octets have not been read yet. The handler reads them
/// with <see cref="ImapSession.OpenLiteralAsync"/> and the rest of the command with
/// <see cref="ImapSession.ContinueCommandAsync"/>.</param>
public sealed record ImapCommand(string Tag, string Name, bool IsUid, IReadOnlyList<ImapToken> Arguments, LiteralSpec? PendingLiteral = null)
{
    /// <summary>The name as the client spelled the command, for logs ("UID FETCH").</summary>
    public string DisplayName => IsUid ? "UID " + Name : Name;

    /// <summary>A reader over <see cref="Arguments"/>.</summary>
    public ImapArgumentReader Reader() => new(Arguments);

    public override string ToString() => $"{Tag} {DisplayName} {string.Join(' ', Arguments)}".TrimEnd();
}

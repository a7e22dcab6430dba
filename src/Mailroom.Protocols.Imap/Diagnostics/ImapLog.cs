using System.Net;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Imap;

/// <summary>IMAP engine log events: IDs 3400–3599 (3400–3449 sessions, 3450–3499 commands, 3500 transcript).</summary>
internal static partial class ImapLog
{
    [LoggerMessage(3400, LogLevel.Debug, "IMAP session {ConnectionId} from {Remote} started (TLS: {Tls})")]
    public static partial void SessionStarted(ILogger logger, string connectionId, IPEndPoint? remote, bool tls);

    [LoggerMessage(3401, LogLevel.Debug, "IMAP session {ConnectionId} ended after {Commands} commands")]
    public static partial void SessionEnded(ILogger logger, string connectionId, int commands);

    [LoggerMessage(3402, LogLevel.Information, "IMAP connection {ConnectionId} from {Remote} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string connectionId, IPEndPoint? remote, string reason);

    [LoggerMessage(3403, LogLevel.Information, "IMAP session {ConnectionId} timed out ({Kind})")]
    public static partial void TimedOut(ILogger logger, string connectionId, Networking.TimeoutKind kind);

    [LoggerMessage(3404, LogLevel.Debug, "IMAP session {ConnectionId}: connection lost")]
    public static partial void ConnectionLost(ILogger logger, string connectionId);

    [LoggerMessage(3405, LogLevel.Error, "IMAP session {ConnectionId} failed")]
    public static partial void SessionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3406, LogLevel.Warning, "IMAP session {ConnectionId} from {Remote} closed: {Reason}")]
    public static partial void SessionAborted(ILogger logger, string connectionId, IPEndPoint? remote, string reason);

    [LoggerMessage(3407, LogLevel.Information, "IMAP session {ConnectionId}: TLS handshake failed")]
    public static partial void TlsHandshakeFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3408, LogLevel.Debug, "IMAP session {ConnectionId}: TLS started ({Protocol}, {CipherSuite})")]
    public static partial void TlsStarted(ILogger logger, string connectionId, string protocol, string? cipherSuite);

    [LoggerMessage(3409, LogLevel.Warning, "IMAP session {ConnectionId} from {Remote}: {Octets} octets of plaintext sent after STARTTLS were discarded")]
    public static partial void PlaintextDiscarded(ILogger logger, string connectionId, IPEndPoint? remote, long octets);

    [LoggerMessage(3410, LogLevel.Information, "IMAP session {ConnectionId}: {UserName} logged in with {Mechanism}")]
    public static partial void Authenticated(ILogger logger, string connectionId, string userName, string mechanism);

    [LoggerMessage(3411, LogLevel.Information, "IMAP session {ConnectionId} from {Remote}: login as \"{UserName}\" with {Mechanism} failed ({Code})")]
    public static partial void AuthenticationFailed(ILogger logger, string connectionId, IPEndPoint? remote, string userName, string mechanism, string? code);

    [LoggerMessage(3412, LogLevel.Error, "IMAP session {ConnectionId}: backend call {Call} failed")]
    public static partial void BackendFailed(ILogger logger, string connectionId, string call, Exception exception);

    [LoggerMessage(3413, LogLevel.Information, "IMAP session {ConnectionId}: the mailbox is no longer available; ending the session")]
    public static partial void AccessRevoked(ILogger logger, string connectionId);

    [LoggerMessage(3414, LogLevel.Information, "IMAP session {ConnectionId}: ended by the server: {Reason}")]
    public static partial void EndedByServer(ILogger logger, string connectionId, string reason);

    [LoggerMessage(3450, LogLevel.Debug, "IMAP session {ConnectionId}: {Command} answered {Status} {Text}")]
    public static partial void CommandRejected(ILogger logger, string connectionId, string command, ImapStatus status, string text);

    [LoggerMessage(3451, LogLevel.Error, "IMAP session {ConnectionId}: {Command} failed")]
    public static partial void CommandFailed(ILogger logger, string connectionId, string command, Exception exception);

    [LoggerMessage(3500, LogLevel.Information, "{ConnectionId} {Direction}: {Line}")]
    public static partial void Transcript(ILogger logger, string connectionId, string direction, string line);
}

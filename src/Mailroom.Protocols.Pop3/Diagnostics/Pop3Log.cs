using System.Net;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Pop3;

/// <summary>POP3 engine log events. Event IDs 3600–3699 belong to POP3 (3690–3699: transcript).</summary>
internal static partial class Pop3Log
{
    [LoggerMessage(3600, LogLevel.Debug, "POP3 session {ConnectionId} from {Remote} started")]
    public static partial void SessionStarted(ILogger logger, string connectionId, IPEndPoint? remote);

    [LoggerMessage(3601, LogLevel.Debug, "POP3 session {ConnectionId} ended after {Commands} commands")]
    public static partial void SessionEnded(ILogger logger, string connectionId, int commands);

    [LoggerMessage(3602, LogLevel.Warning, "POP3 connection {ConnectionId} from {Remote} refused: {Limit} connections already open from that address")]
    public static partial void ConnectionLimitReached(ILogger logger, string connectionId, IPEndPoint? remote, int limit);

    [LoggerMessage(3603, LogLevel.Debug, "POP3 session {ConnectionId}: {Verb} answered {Response}")]
    public static partial void CommandRejected(ILogger logger, string connectionId, Pop3Verb verb, string response);

    [LoggerMessage(3604, LogLevel.Warning, "POP3 session {ConnectionId} from {Remote} closed: {Reason}")]
    public static partial void SessionAborted(ILogger logger, string connectionId, IPEndPoint? remote, string reason);

    [LoggerMessage(3605, LogLevel.Information, "POP3 session {ConnectionId} timed out")]
    public static partial void TimedOut(ILogger logger, string connectionId);

    [LoggerMessage(3606, LogLevel.Information, "POP3 session {ConnectionId}: TLS handshake failed")]
    public static partial void TlsHandshakeFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3607, LogLevel.Debug, "POP3 session {ConnectionId}: STLS negotiated {Protocol}")]
    public static partial void TlsStarted(ILogger logger, string connectionId, string protocol);

    [LoggerMessage(3608, LogLevel.Warning, "POP3 session {ConnectionId} from {Remote}: discarded {Bytes} bytes pipelined after STLS (RFC 2595 §4)")]
    public static partial void PlaintextDiscarded(ILogger logger, string connectionId, IPEndPoint? remote, long bytes);

    [LoggerMessage(3609, LogLevel.Information, "POP3 session {ConnectionId}: {UserName} logged in with {Mechanism}; maildrop has {Count} messages")]
    public static partial void LoggedIn(ILogger logger, string connectionId, string userName, string mechanism, int count);

    [LoggerMessage(3610, LogLevel.Information, "POP3 session {ConnectionId} from {Remote}: login as \"{UserName}\" with {Mechanism} failed: {Response}")]
    public static partial void LoginFailed(ILogger logger, string connectionId, IPEndPoint? remote, string userName, string mechanism, string response);

    [LoggerMessage(3611, LogLevel.Information, "POP3 session {ConnectionId}: maildrop of {UserName} is in use by another session")]
    public static partial void MaildropInUse(ILogger logger, string connectionId, string userName);

    [LoggerMessage(3612, LogLevel.Error, "POP3 session {ConnectionId}: backend {Operation} failed")]
    public static partial void BackendFailed(ILogger logger, string connectionId, string operation, Exception exception);

    [LoggerMessage(3613, LogLevel.Error, "POP3 session {ConnectionId}: the maildrop could not be opened")]
    public static partial void MaildropFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3614, LogLevel.Information, "POP3 session {ConnectionId}: QUIT removed {Count} messages")]
    public static partial void Updated(ILogger logger, string connectionId, int count);

    [LoggerMessage(3615, LogLevel.Error, "POP3 session {ConnectionId}: applying deletions at QUIT failed")]
    public static partial void UpdateFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3616, LogLevel.Information, "POP3 session {ConnectionId} ended by the server: {Reason}")]
    public static partial void EndedByServer(ILogger logger, string connectionId, string reason);

    [LoggerMessage(3617, LogLevel.Debug, "POP3 session {ConnectionId}: connection lost")]
    public static partial void ConnectionLost(ILogger logger, string connectionId);

    [LoggerMessage(3618, LogLevel.Error, "POP3 session {ConnectionId} failed")]
    public static partial void SessionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3619, LogLevel.Warning, "POP3 session {ConnectionId}: message UID {Uid} could not be read")]
    public static partial void MessageUnreadable(ILogger logger, string connectionId, uint uid, Exception exception);
}

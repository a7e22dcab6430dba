using System.Net;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Smtp;

/// <summary>SMTP engine log events. Event IDs 3000–3099 belong to SMTP receive (3100–3119: transcript).</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(3000, LogLevel.Debug, "SMTP session {ConnectionId} from {Remote} on connector \"{Connector}\" started")]
    public static partial void SessionStarted(ILogger logger, string connectionId, IPEndPoint? remote, string connector);

    [LoggerMessage(3001, LogLevel.Debug, "SMTP session {ConnectionId} ended after {Commands} commands, {Messages} messages accepted")]
    public static partial void SessionEnded(ILogger logger, string connectionId, int commands, int messages);

    [LoggerMessage(3002, LogLevel.Information, "SMTP connection {ConnectionId} from {Remote} refused: {Reply}")]
    public static partial void ConnectionRefused(ILogger logger, string connectionId, IPEndPoint? remote, string reply);

    [LoggerMessage(3003, LogLevel.Warning, "SMTP connection {ConnectionId} from {Remote} refused: {Limit} connections already open on connector \"{Connector}\"")]
    public static partial void ConnectionLimitReached(ILogger logger, string connectionId, IPEndPoint? remote, int limit, string connector);

    [LoggerMessage(3004, LogLevel.Debug, "SMTP session {ConnectionId}: {Verb} rejected with {Code} {EnhancedCode}")]
    public static partial void CommandRejected(ILogger logger, string connectionId, SmtpVerb verb, int code, string? enhancedCode);

    [LoggerMessage(3005, LogLevel.Warning, "SMTP session {ConnectionId} from {Remote} closed: {Reason}")]
    public static partial void SessionAborted(ILogger logger, string connectionId, IPEndPoint? remote, string reason);

    [LoggerMessage(3006, LogLevel.Information, "SMTP session {ConnectionId} timed out ({Kind})")]
    public static partial void TimedOut(ILogger logger, string connectionId, Networking.TimeoutKind kind);

    [LoggerMessage(3007, LogLevel.Information, "SMTP session {ConnectionId}: TLS handshake failed")]
    public static partial void TlsHandshakeFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3008, LogLevel.Debug, "SMTP session {ConnectionId}: STARTTLS negotiated {Protocol} {CipherSuite}")]
    public static partial void TlsStarted(ILogger logger, string connectionId, string protocol, string? cipherSuite);

    [LoggerMessage(3009, LogLevel.Warning, "SMTP session {ConnectionId} from {Remote}: discarded {Bytes} bytes pipelined after STARTTLS (RFC 3207 §4.2)")]
    public static partial void PlaintextDiscarded(ILogger logger, string connectionId, IPEndPoint? remote, long bytes);

    [LoggerMessage(3010, LogLevel.Information, "SMTP session {ConnectionId}: {UserName} authenticated with {Mechanism}")]
    public static partial void Authenticated(ILogger logger, string connectionId, string userName, string mechanism);

    [LoggerMessage(3011, LogLevel.Warning, "SMTP session {ConnectionId} from {Remote}: authentication as \"{UserName}\" with {Mechanism} failed ({Code})")]
    public static partial void AuthenticationFailed(ILogger logger, string connectionId, IPEndPoint? remote, string userName, string mechanism, int code);

    [LoggerMessage(3012, LogLevel.Information, "SMTP session {ConnectionId}: message of {Size} octets for {Recipients} recipients: {Code} {EnhancedCode}")]
    public static partial void MessageFinished(ILogger logger, string connectionId, long size, int recipients, int code, string? enhancedCode);

    [LoggerMessage(3013, LogLevel.Information, "SMTP session {ConnectionId}: message exceeds the {Limit} octet limit")]
    public static partial void MessageTooBig(ILogger logger, string connectionId, long limit);

    [LoggerMessage(3014, LogLevel.Error, "SMTP session {ConnectionId}: backend {Operation} failed")]
    public static partial void BackendFailed(ILogger logger, string connectionId, string operation, Exception exception);

    [LoggerMessage(3015, LogLevel.Error, "SMTP session {ConnectionId} failed")]
    public static partial void SessionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(3016, LogLevel.Debug, "SMTP session {ConnectionId}: connection lost")]
    public static partial void ConnectionLost(ILogger logger, string connectionId);
}

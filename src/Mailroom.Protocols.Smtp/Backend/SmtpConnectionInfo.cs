using System.Net;

namespace Mailroom.Protocols.Smtp;

/// <summary>What is known about a connection before the first byte: enough to choose a receive connector.</summary>
/// <param name="ConnectionId">The host's connection id (Kestrel's), also used in logs.</param>
/// <param name="RemoteEndPoint">The client; null on transports without IP addresses.</param>
/// <param name="LocalEndPoint">The address and port the client connected to (the connector binding).</param>
/// <param name="IsTls">The listener negotiated TLS before SMTP started (implicit TLS, RFC 8314 §3.3).</param>
/// <param name="ListenerName">The name given to <c>UseSmtp(name)</c>, e.g. "Smtp", "Submission", "SubmissionTls".</param>
public sealed record SmtpConnectionInfo(
    string ConnectionId,
    IPEndPoint? RemoteEndPoint,
    IPEndPoint? LocalEndPoint,
    bool IsTls,
    string? ListenerName);

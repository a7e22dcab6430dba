using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Everything the SMTP engine asks of the rest of the server (directory, transport). The engine owns the protocol:
/// syntax, sequence, limits, TLS, SASL framing, body streaming; the backend owns decisions about people and mail.
/// Calls for one session never overlap; calls for different sessions do. The tokens passed are cancelled when the
/// connection drops (or the session times out).
/// </summary>
public interface ISmtpBackend
{
    /// <summary>Chooses the receive connector for a new connection (bindings, remote IP ranges) and returns its
    /// policy, or refuses the connection (e.g. <c>554 5.7.1</c>, or <c>421 4.3.2</c> while draining).</summary>
    ValueTask<SmtpConnectResult> ConnectAsync(SmtpConnectionInfo connection, CancellationToken cancellationToken);

    /// <summary>Verifies credentials from AUTH PLAIN or LOGIN. <see cref="SaslCredentials.AuthorizationId"/> is set
    /// when the client asked to act as someone else (RFC 4616); fail unless that is allowed. Throttle failures here.</summary>
    ValueTask<SmtpAuthResult> AuthenticateAsync(SmtpSession session, SaslCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Decides on a sender (syntax, size and sequence already checked). Null accepts with <c>250 2.1.0 Sender OK</c>.</summary>
    ValueTask<SmtpReply?> MailFromAsync(SmtpSession session, SmtpMailFrom mailFrom, CancellationToken cancellationToken);

    /// <summary>Decides on a recipient (recipient limit already checked). Null accepts with <c>250 2.1.5 Recipient OK</c>.
    /// A positive custom reply also accepts.</summary>
    ValueTask<SmtpReply?> RcptToAsync(SmtpSession session, SmtpRcptTo rcptTo, CancellationToken cancellationToken);

    /// <summary>Opens storage for the body of <see cref="SmtpSession.Transaction"/>, before 354 or the first BDAT chunk.</summary>
    ValueTask<SmtpMessageStart> BeginMessageAsync(SmtpSession session, CancellationToken cancellationToken);

    /// <summary>The session ended (QUIT, timeout, error or disconnect); release per-session state.</summary>
    ValueTask SessionEndedAsync(SmtpSession session) => ValueTask.CompletedTask;
}

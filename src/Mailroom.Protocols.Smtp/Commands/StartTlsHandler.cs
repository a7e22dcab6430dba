using System.Security.Authentication;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// STARTTLS (RFC 3207): 220, handshake, then a fresh start. Plaintext pipelined behind the command is discarded,
/// never executed (§4.2, the command-injection defence), and the client must EHLO again.
/// </summary>
internal sealed class StartTlsHandler : SmtpCommandHandler<SimpleCommand>
{
    protected override async ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SimpleCommand command)
    {
        if (session.IsTls)
        {
            return CommandOutcome.Bad(SmtpReplies.TlsAlreadyActive);
        }

        if (!EhloExtensions.CanStartTls(session))
        {
            session.Reply(SmtpReplies.NotImplemented);
            return CommandOutcome.Refused;
        }

        // A connector's own certificate wins; otherwise the node's source picks one by the client's SNI name.
        var certificates = session.Policy.Certificate is { } own ? new FixedServerCertificate(own) : session.Options.Certificates!;

        var discarded = session.Transport.DiscardBufferedInput();
        session.Reply(SmtpReplies.ReadyToStartTls);
        await session.FlushAsync().ConfigureAwait(false);
        session.Timeouts.Arm(session.Options.IdleTimeout, TimeoutKind.Idle);
        try
        {
            await session.Transport.StartTlsAsync(certificates, session.Options.EnabledSslProtocols, session.Timeouts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            SmtpLog.TlsHandshakeFailed(session.Services.Logger, session.Id, ex);
            return CommandOutcome.Close;
        }

        session.Timeouts.Disarm();
        if (discarded > 0)
        {
            SmtpLog.PlaintextDiscarded(session.Services.Logger, session.Id, session.RemoteEndPoint, discarded);
        }

        var tls = session.Tls!;
        SmtpLog.TlsStarted(session.Services.Logger, session.Id, tls.Protocol.ToString(), tls.CipherSuite?.ToString());
        await session.ResetAfterTlsAsync().ConfigureAwait(false);
        return CommandOutcome.Accepted;
    }
}

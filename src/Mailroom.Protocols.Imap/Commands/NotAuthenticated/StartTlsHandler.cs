using System.Security.Authentication;
using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// STARTTLS (RFC 9051 §6.2.1): tagged OK, then the handshake on the same connection. Anything the client pipelined
/// after the command in plain text is discarded, never run (the command-injection defence), and the client must
/// ask for CAPABILITY again.
/// </summary>
internal sealed class StartTlsHandler : IImapCommandHandler
{
    public string Name => "STARTTLS";

    public IEnumerable<string> Capabilities(ImapSession session) =>
        session.State == ImapState.NotAuthenticated && session.CanStartTls ? ["STARTTLS"] : [];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ImapResult.Bad("STARTTLS takes no arguments");
        }

        if (session.IsTls)
        {
            return ImapResult.Bad("TLS is already active");
        }

        if (!session.CanStartTls)
        {
            return ImapResult.No("TLS is not available", "UNAVAILABLE");
        }

        var discarded = session.Transport.DiscardBufferedInput();
        session.Writer.Status(command.Tag, ImapStatus.Ok, null, "Begin TLS negotiation now");
        await session.FlushAsync().ConfigureAwait(false);
        session.Timeouts.Arm(session.Options.LoginTimeout, TimeoutKind.Idle);
        try
        {
            await session.Transport.StartTlsAsync(session.Options.Certificates!, session.Options.EnabledSslProtocols, session.Timeouts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            ImapLog.TlsHandshakeFailed(session.Logger, session.Id, ex);
            return ImapResult.Close;
        }

        session.Timeouts.Disarm();
        if (discarded > 0)
        {
            ImapLog.PlaintextDiscarded(session.Logger, session.Id, session.RemoteEndPoint, discarded);
        }

        session.Lines.Input = session.Transport.Input;
        var tls = session.Transport.Tls!;
        ImapLog.TlsStarted(session.Logger, session.Id, tls.Protocol.ToString(), tls.CipherSuite?.ToString());
        return ImapResult.Answered;
    }
}

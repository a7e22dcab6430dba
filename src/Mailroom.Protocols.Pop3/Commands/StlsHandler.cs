using System.Security.Authentication;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// STLS (RFC 2595 §4): "+OK", handshake, and the session continues in AUTHORIZATION. Plaintext pipelined behind the
/// command is discarded, never executed (the command-injection defence).
/// </summary>
internal sealed class StlsHandler : Pop3CommandHandler
{
    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        if (session.IsTls)
        {
            return CommandOutcome.Bad(Pop3Responses.TlsAlreadyActive);
        }

        if (session.Options.Certificates is not { } certificates)
        {
            return CommandOutcome.Bad(Pop3Responses.TlsUnavailable);
        }

        var discarded = session.Transport.DiscardBufferedInput();
        session.Reply(Pop3Responses.BeginTls);
        await session.FlushAsync().ConfigureAwait(false);
        session.Timeouts.Arm(session.Options.IdleTimeout, TimeoutKind.Idle);
        try
        {
            await session.Transport.StartTlsAsync(certificates, session.Options.EnabledSslProtocols, session.Timeouts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            Pop3Log.TlsHandshakeFailed(session.Services.Logger, session.Id, ex);
            return CommandOutcome.Close;
        }

        session.Timeouts.Disarm();
        session.Lines.Input = session.Transport.Input;
        if (discarded > 0)
        {
            Pop3Log.PlaintextDiscarded(session.Services.Logger, session.Id, session.RemoteEndPoint, discarded);
        }

        session.PendingUser = null;
        Pop3Log.TlsStarted(session.Services.Logger, session.Id, session.Tls!.Protocol.ToString());
        return CommandOutcome.AcceptedInto(Pop3State.Authorization);
    }
}

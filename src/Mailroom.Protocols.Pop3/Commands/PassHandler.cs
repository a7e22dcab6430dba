using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>PASS (RFC 1939 §7): the password for the name given by USER.</summary>
internal sealed class PassHandler : Pop3CommandHandler
{
    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        if (!LoginFlow.CredentialsAllowed(session))
        {
            session.Reply(Pop3Responses.TlsRequired);
            return CommandOutcome.RefusedInto(Pop3State.Authorization);
        }

        var user = session.PendingUser!;
        return await LoginFlow.CompleteAsync(session, new SaslCredentials(user, command.Argument!), "USER").ConfigureAwait(false);
    }
}

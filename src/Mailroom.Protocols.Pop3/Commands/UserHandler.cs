namespace Mailroom.Protocols.Pop3;

/// <summary>USER (RFC 1939 §7): remember the name; PASS checks both, so an unknown name gets +OK like any other.</summary>
internal sealed class UserHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        if (!LoginFlow.CredentialsAllowed(session))
        {
            session.Reply(Pop3Responses.TlsRequired);
            return ValueTask.FromResult(CommandOutcome.RefusedInto(Pop3State.Authorization));
        }

        session.PendingUser = command.Argument;
        session.Reply(Pop3Responses.UserAccepted);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}

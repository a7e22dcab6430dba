namespace Mailroom.Protocols.Imap;

/// <summary>LOGOUT (RFC 9051 §6.1.3): <c>* BYE</c>, the tagged OK, then the connection closes.</summary>
internal sealed class LogoutHandler : IImapCommandHandler
{
    public string Name => "LOGOUT";

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ValueTask.FromResult(ImapResult.Bad("LOGOUT takes no arguments"));
        }

        session.SetSelected(null);
        session.Writer.Untagged("BYE Logging out");
        return ValueTask.FromResult(ImapResult.Ok("LOGOUT completed").WithState(ImapState.Logout));
    }
}

namespace Mailroom.Protocols.Imap;

/// <summary>CAPABILITY (RFC 9051 §6.1.1): the list depends on TLS and login state.</summary>
internal sealed class CapabilityHandler : IImapCommandHandler
{
    public string Name => "CAPABILITY";

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ValueTask.FromResult(ImapResult.Bad("CAPABILITY takes no arguments"));
        }

        session.Writer.StartUntagged().Atom("CAPABILITY ").Atom(string.Join(' ', ImapCapabilities.For(session))).EndLine();
        return ValueTask.FromResult(ImapResult.Ok("CAPABILITY completed"));
    }
}

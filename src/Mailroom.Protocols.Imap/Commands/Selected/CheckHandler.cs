namespace Mailroom.Protocols.Imap;

/// <summary>CHECK (RFC 3501 §6.4.1): every change is already durable when its command completes, so nothing to do.</summary>
internal sealed class CheckHandler : IImapCommandHandler
{
    public string Name => "CHECK";

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command) =>
        ValueTask.FromResult(command.Arguments.Count > 0 ? ImapResult.Bad("CHECK takes no arguments") : ImapResult.Ok("CHECK completed"));
}

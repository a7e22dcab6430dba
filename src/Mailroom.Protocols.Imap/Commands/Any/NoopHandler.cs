namespace Mailroom.Protocols.Imap;

/// <summary>NOOP (RFC 9051 §6.1.2): does nothing but always checks the selected mailbox for changes.</summary>
internal sealed class NoopHandler : IImapCommandHandler
{
    public string Name => "NOOP";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ImapResult.Bad("NOOP takes no arguments");
        }

        if (session.Selected is { } selected)
        {
            session.DrainChangeHints();
            await selected.ReportChangesAsync(session, allowExpunge: true, force: true).ConfigureAwait(false);
        }

        return ImapResult.Ok("NOOP completed");
    }
}

namespace Mailroom.Protocols.Imap;

/// <summary>NOOP (RFC 9051 §6.1.2): checks the selected mailbox for changes, and that the user may still use the mailbox.</summary>
internal sealed class NoopHandler : IImapCommandHandler
{
    public string Name => "NOOP";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ImapResult.Bad("NOOP takes no arguments");
        }

        session.DrainChangeHints();
        if (session.MailboxId is { } mailbox
            && (session.MailboxGone || !await session.Backend.IsStillAllowedAsync(mailbox, session.Aborted).ConfigureAwait(false)))
        {
            // A disabled or removed mailbox's open sessions end (RFC 9051 §7.1.5 BYE).
            ImapLog.AccessRevoked(session.Logger, session.Id);
            session.Writer.Untagged("BYE The mailbox is no longer available");
            return ImapResult.Close;
        }

        if (session.Selected is { } selected)
        {
            await selected.ReportChangesAsync(session, allowExpunge: true, force: true).ConfigureAwait(false);
        }

        return ImapResult.Ok("NOOP completed");
    }
}

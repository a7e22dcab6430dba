namespace Mailroom.Protocols.Imap;

/// <summary>STATUS mailbox (items) (RFC 9051 §6.3.11); the selected mailbox may be asked too.</summary>
internal sealed class StatusHandler : IImapCommandHandler
{
    public string Name => "STATUS";

    public IEnumerable<string> Capabilities(ImapSession session) => ["STATUS=SIZE", "APPENDLIMIT=" + session.Options.AppendLimit];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.TryList(out var list) || !args.AtEnd || !StatusItems.TryParse(list, out var items))
        {
            return ImapResult.Bad("Syntax: STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE HIGHESTMODSEQ APPENDLIMIT)");
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        if (folder is null)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT");
        }

        await StatusItems.WriteAsync(session, folder, items).ConfigureAwait(false);
        return ImapResult.Ok("STATUS completed");
    }
}

namespace Mailroom.Protocols.Imap;

/// <summary>CREATE mailbox (RFC 9051 §6.3.4): creates missing parents too; a trailing "/" only says "will have children".</summary>
internal sealed class CreateHandler : IImapCommandHandler
{
    public string Name => "CREATE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: CREATE mailbox");
        }

        name = name.TrimEnd(ImapMailboxNames.Delimiter);
        if (name.Equals(ImapMailboxNames.Inbox, StringComparison.OrdinalIgnoreCase)
            || await session.Store.GetFolderAsync(session.Mailbox, name, session.Aborted).ConfigureAwait(false) is not null)
        {
            return ImapResult.No("The mailbox already exists", "ALREADYEXISTS");
        }

        await session.Store.CreateFolderAsync(session.Mailbox, name, session.Aborted).ConfigureAwait(false);
        return ImapResult.Ok("CREATE completed");
    }
}

/// <summary>DELETE mailbox (RFC 9051 §6.3.5): default folders and folders with children are refused by the store.</summary>
internal sealed class DeleteHandler : IImapCommandHandler
{
    public string Name => "DELETE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: DELETE mailbox");
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        if (folder is null)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT");
        }

        await session.Store.DeleteFolderAsync(folder.Id, session.Aborted).ConfigureAwait(false);
        if (session.Selected?.FolderId == folder.Id)
        {
            // The selected mailbox is gone: nothing left to show (RFC 9051 §6.3.5 lets the server end the selection).
            session.SetSelected(null);
            session.Writer.Untagged("OK [CLOSED] The selected mailbox was deleted");
            return ImapResult.Ok("DELETE completed").WithState(ImapState.Authenticated);
        }

        return ImapResult.Ok("DELETE completed");
    }
}

/// <summary>RENAME old new (RFC 9051 §6.3.6): the folder keeps its id and UIDVALIDITY; children move with it.</summary>
internal sealed class RenameHandler : IImapCommandHandler
{
    public string Name => "RENAME";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var from) || !args.TryMailbox(session.Utf8, out var to) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: RENAME mailbox new-name");
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(from), session.Aborted).ConfigureAwait(false);
        if (folder is null)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT");
        }

        to = to.TrimEnd(ImapMailboxNames.Delimiter);
        if (await session.Store.GetFolderAsync(session.Mailbox, to, session.Aborted).ConfigureAwait(false) is { } existing && existing.Id != folder.Id)
        {
            return ImapResult.No("The target mailbox already exists", "ALREADYEXISTS");
        }

        await session.Store.RenameFolderAsync(folder.Id, to, session.Aborted).ConfigureAwait(false);
        return ImapResult.Ok("RENAME completed");
    }
}

/// <summary>SUBSCRIBE mailbox (RFC 9051 §6.3.7): the name need not exist.</summary>
internal sealed class SubscribeHandler : IImapCommandHandler
{
    public string Name => "SUBSCRIBE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: SUBSCRIBE mailbox");
        }

        await session.Store.SetSubscribedAsync(session.Mailbox, ImapMailboxNames.FromImap(name), true, session.Aborted).ConfigureAwait(false);
        return ImapResult.Ok("SUBSCRIBE completed");
    }
}

/// <summary>UNSUBSCRIBE mailbox (RFC 9051 §6.3.8).</summary>
internal sealed class UnsubscribeHandler : IImapCommandHandler
{
    public string Name => "UNSUBSCRIBE";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: UNSUBSCRIBE mailbox");
        }

        await session.Store.SetSubscribedAsync(session.Mailbox, ImapMailboxNames.FromImap(name), false, session.Aborted).ConfigureAwait(false);
        return ImapResult.Ok("UNSUBSCRIBE completed");
    }
}

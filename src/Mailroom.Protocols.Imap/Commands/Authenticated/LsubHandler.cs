namespace Mailroom.Protocols.Imap;

/// <summary>LSUB reference pattern (RFC 3501 §6.3.9; deprecated by IMAP4rev2 but still used by older clients).</summary>
internal sealed class LsubHandler : IImapCommandHandler
{
    public string Name => "LSUB";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var reference) || !args.TryMailbox(session.Utf8, out var pattern) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: LSUB reference pattern");
        }

        var matcher = new ListPattern(reference, pattern);
        var folders = await session.Store.ListFoldersAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
        var existing = new HashSet<string>(folders.Select(f => ImapMailboxNames.ToImap(f.Name)), StringComparer.OrdinalIgnoreCase);
        var subscriptions = await session.Store.ListSubscriptionsAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
        foreach (var name in subscriptions.Select(ImapMailboxNames.ToImap).Order(StringComparer.Ordinal))
        {
            if (matcher.Matches(name))
            {
                session.Writer.StartUntagged().Atom(existing.Contains(name) ? "LSUB () \"/\" " : "LSUB (\\Noselect) \"/\" ").Mailbox(name).EndLine();
            }
        }

        return ImapResult.Ok("LSUB completed");
    }
}

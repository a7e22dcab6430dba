namespace Mailroom.Protocols.Imap;

/// <summary>
/// The one quota root of a mailbox (RFC 9208): named "", covering every folder (Exchange counts the whole
/// mailbox), with STORAGE in KiB from the backend's limit and the store's usage.
/// </summary>
internal static class QuotaRoot
{
    public const string Name = "";

    public static async ValueTask WriteQuotaAsync(ImapSession session, ImapQuota? quota)
    {
        var writer = session.Writer.StartUntagged().Atom("QUOTA ").String(Name).Atom(" (");
        if (quota?.StorageLimitKiB is { } storageLimit)
        {
            var usage = await session.Store.GetUsageAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
            var usedKiB = ((usage?.Size ?? 0) + 1023) / 1024;
            writer.Atom("STORAGE ").Number(usedKiB).Space().Number(storageLimit);
            if (quota.MessageLimit is { } messageLimit)
            {
                writer.Atom(" MESSAGE ").Number(usage?.MessageCount ?? 0).Space().Number(messageLimit);
            }
        }

        writer.CloseList().EndLine();
    }

    public static async ValueTask<ImapQuota?> GetAsync(ImapSession session) =>
        await session.Backend.GetQuotaAsync(session.Mailbox, session.Aborted).ConfigureAwait(false);
}

/// <summary>GETQUOTAROOT mailbox (RFC 9208 §4.3.2).</summary>
internal sealed class GetQuotaRootHandler : IImapCommandHandler
{
    public string Name => "GETQUOTAROOT";

    public IEnumerable<string> Capabilities(ImapSession session) => ["QUOTA", "QUOTA=RES-STORAGE"];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryMailbox(session.Utf8, out var name) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: GETQUOTAROOT mailbox");
        }

        var folder = await session.Store.GetFolderAsync(session.Mailbox, ImapMailboxNames.FromImap(name), session.Aborted).ConfigureAwait(false);
        if (folder is null)
        {
            return ImapResult.No("No such mailbox", "NONEXISTENT");
        }

        var quota = await QuotaRoot.GetAsync(session).ConfigureAwait(false);
        var writer = session.Writer.StartUntagged().Atom("QUOTAROOT ").Mailbox(ImapMailboxNames.ToImap(folder.Name));
        if (quota is null)
        {
            writer.EndLine();
            return ImapResult.Ok("GETQUOTAROOT completed");
        }

        writer.Space().String(QuotaRoot.Name).EndLine();
        await QuotaRoot.WriteQuotaAsync(session, quota).ConfigureAwait(false);
        return ImapResult.Ok("GETQUOTAROOT completed");
    }
}

/// <summary>GETQUOTA root (RFC 9208 §4.3.1): only the root "" exists.</summary>
internal sealed class GetQuotaHandler : IImapCommandHandler
{
    public string Name => "GETQUOTA";

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryAString(out var root) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: GETQUOTA root");
        }

        if (root != QuotaRoot.Name)
        {
            return ImapResult.No("No such quota root", "NONEXISTENT");
        }

        await QuotaRoot.WriteQuotaAsync(session, await QuotaRoot.GetAsync(session).ConfigureAwait(false)).ConfigureAwait(false);
        return ImapResult.Ok("GETQUOTA completed");
    }
}

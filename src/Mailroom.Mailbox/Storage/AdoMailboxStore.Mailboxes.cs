using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>Whole mailboxes: creation with Exchange's default folders, quota usage, deletion.</summary>
public partial class AdoMailboxStore
{
    /// <summary>Messages removed per transaction when a folder or mailbox is emptied, so no transaction grows with the mailbox.</summary>
    private const int PurgePageSize = 1000;

    public async Task<bool> CreateMailboxAsync(Guid mailboxId, CancellationToken cancellationToken = default)
    {
        var inserted = await Sql.WriteAsync(
            s => s.ExecuteAsync(
                "INSERT INTO mail_mailboxes (id, total_size, message_count, created) VALUES (@m, 0, 0, @now) ON CONFLICT DO NOTHING",
                cancellationToken, ("m", mailboxId), ("now", Sql.NowMilliseconds)),
            cancellationToken);

        // The default folders come in a second transaction under the mailbox lock, so a creator that lost the race
        // above (or crashed between the two) still finds or finishes them exactly once.
        var created = await WriteMailboxAsync(mailboxId, async write =>
        {
            var any = false;
            foreach (var role in DefaultFolders.All)
            {
                var exists = await write.Session.Int64Async(
                    "SELECT id FROM mail_folders WHERE mailbox_id = @m AND role = @r", cancellationToken, ("m", mailboxId), ("r", role));
                if (exists is null)
                {
                    await InsertFolderAsync(write, DefaultFolders.NameOf(role), role, cancellationToken);
                    any = true;
                }
            }

            return any;
        }, cancellationToken);
        return inserted == 1 || created;
    }

    public Task<MailboxUsage?> GetUsageAsync(Guid mailboxId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s => (await s.QueryAsync(
                "SELECT total_size, message_count FROM mail_mailboxes WHERE id = @m",
                r => new MailboxUsage(mailboxId, r.GetInt64(0), r.GetInt64(1)), cancellationToken, ("m", mailboxId))).FirstOrDefault(),
            cancellationToken);

    public async Task DeleteMailboxAsync(Guid mailboxId, CancellationToken cancellationToken = default)
    {
        foreach (var folder in await ListFoldersAsync(mailboxId, cancellationToken))
        {
            await PurgeFolderAsync(folder.Id, cancellationToken);
        }

        try
        {
            await WriteMailboxAsync(mailboxId, async write =>
            {
                var s = write.Session;

                // Whatever was delivered while the pages above ran goes in this last transaction.
                var folders = await s.QueryAsync($"SELECT {FolderColumns} FROM mail_folders WHERE mailbox_id = @m", MapFolder, cancellationToken, ("m", mailboxId));
                foreach (var folder in folders)
                {
                    while (await PurgePageAsync(write, folder, int.MaxValue, cancellationToken) > 0)
                    {
                    }

                    await DeleteFolderRowsAsync(s, folder.Id, cancellationToken);
                }

                foreach (var table in new[] { "mail_subscriptions", "mail_deliveries" })
                {
                    await s.ExecuteAsync($"DELETE FROM {table} WHERE mailbox_id = @m", cancellationToken, ("m", mailboxId));
                }

                await s.ExecuteAsync("DELETE FROM mail_mailboxes WHERE id = @m", cancellationToken, ("m", mailboxId));
                write.Changes.Add(new MailboxChange(mailboxId, 0, MailboxChangeKind.MailboxDeleted, 0, 0));
                return 0;
            }, cancellationToken);
        }
        catch (MailboxNotFoundException)
        {
            // Deleting what is not there is done.
        }
    }

    /// <summary>
    /// Forgets idempotency keys of deliveries older than <paramref name="before"/>. Transport calls it with its queue
    /// expiry: after that, no retry of those deliveries can come.
    /// </summary>
    public Task<int> ForgetDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Sql.WriteAsync(
            s => s.ExecuteAsync("DELETE FROM mail_deliveries WHERE delivered < @t", cancellationToken, ("t", before)),
            cancellationToken);

    /// <summary>Removes a folder's messages page by page, each page its own transaction.</summary>
    private async Task PurgeFolderAsync(long folderId, CancellationToken cancellationToken)
    {
        while (true)
        {
            int purged;
            try
            {
                purged = await WriteFolderAsync(folderId, (write, folder) => PurgePageAsync(write, folder, PurgePageSize, cancellationToken), cancellationToken);
            }
            catch (FolderNotFoundException)
            {
                return;
            }

            if (purged < PurgePageSize)
            {
                return;
            }
        }
    }

    /// <summary>Deletes up to <paramref name="limit"/> messages of a folder and releases their bodies; returns how many.</summary>
    private static async Task<int> PurgePageAsync(MailboxWrite write, MailFolder folder, int limit, CancellationToken cancellationToken)
    {
        var s = write.Session;
        var page = await s.QueryAsync(
            "SELECT uid, blob_id, size FROM mail_messages WHERE folder_id = @f ORDER BY uid LIMIT @n",
            r => (Uid: r.GetInt64(0), Blob: BlobId.Parse(r.GetString(1)), Size: r.GetInt64(2)),
            cancellationToken, ("f", folder.Id), ("n", Math.Min(limit, PurgePageSize)));
        if (page.Count == 0)
        {
            return 0;
        }

        await s.ExecuteAsync(
            "DELETE FROM mail_messages WHERE folder_id = @f AND uid <= @last", cancellationToken, ("f", folder.Id), ("last", page[^1].Uid));
        await AllocateAsync(s, folder, 0, -page.Count, -page.Sum(p => p.Size), cancellationToken);
        await AdjustBlobReferencesAsync(s, page.Select(p => p.Blob), -1, cancellationToken);
        return page.Count;
    }

    private static async Task DeleteFolderRowsAsync(SqlSession s, long folderId, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "mail_expunged", "mail_folder_keywords" })
        {
            await s.ExecuteAsync($"DELETE FROM {table} WHERE folder_id = @f", cancellationToken, ("f", folderId));
        }

        await s.ExecuteAsync("DELETE FROM mail_folders WHERE id = @f", cancellationToken, ("f", folderId));
    }
}

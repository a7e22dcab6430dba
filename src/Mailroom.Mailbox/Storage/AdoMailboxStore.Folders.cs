using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>Folder hierarchy: create (with parents), rename (with children), delete, look-ups and status.</summary>
public partial class AdoMailboxStore
{
    public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(Guid mailboxId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync<IReadOnlyList<MailFolder>>(
            async s => await s.QueryAsync(
                $"SELECT {FolderColumns} FROM mail_folders WHERE mailbox_id = @m ORDER BY name", MapFolder, cancellationToken, ("m", mailboxId)),
            cancellationToken);

    public Task<MailFolder?> GetFolderAsync(Guid mailboxId, string name, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s => (await s.QueryAsync(
                $"SELECT {FolderColumns} FROM mail_folders WHERE mailbox_id = @m AND name_key = @k",
                MapFolder, cancellationToken, ("m", mailboxId), ("k", FolderNames.Key(name)))).FirstOrDefault(),
            cancellationToken);

    public Task<MailFolder?> GetFolderAsync(long folderId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(s => ReadFolderAsync(s, folderId, cancellationToken), cancellationToken);

    public Task<MailFolder?> GetDefaultFolderAsync(Guid mailboxId, DefaultFolder role, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s => (await s.QueryAsync(
                $"SELECT {FolderColumns} FROM mail_folders WHERE mailbox_id = @m AND role = @r",
                MapFolder, cancellationToken, ("m", mailboxId), ("r", role))).FirstOrDefault(),
            cancellationToken);

    public Task<FolderStatus> GetFolderStatusAsync(long folderId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s =>
        {
            var folder = await ReadFolderAsync(s, folderId, cancellationToken) ?? throw new FolderNotFoundException(folderId.ToString());

            // Both run on the partial index of unseen messages; the predicate must match the index's text.
            var (unseen, first) = (await s.QueryAsync(
                "SELECT COUNT(*), MIN(uid) FROM mail_messages WHERE folder_id = @f AND (flags & 1) = 0",
                r => (r.GetInt64(0), r.IsDBNull(1) ? (uint?)null : (uint)r.GetInt64(1)), cancellationToken, ("f", folderId))).Single();
            return new FolderStatus(folder, unseen, first);
        }, cancellationToken);

    public Task<MailFolder> CreateFolderAsync(Guid mailboxId, string name, CancellationToken cancellationToken = default)
    {
        FolderNames.Validate(name);
        return WriteMailboxAsync(mailboxId, async write =>
        {
            if (await FindFolderIdAsync(write.Session, mailboxId, name, cancellationToken) is not null)
            {
                throw new FolderOperationException(FolderError.AlreadyExists, $"The folder '{name}' already exists.");
            }

            await CreateAncestorsAsync(write, name, cancellationToken);
            return await InsertFolderAsync(write, name, DefaultFolder.None, cancellationToken);
        }, cancellationToken);
    }

    public Task RenameFolderAsync(long folderId, string newName, CancellationToken cancellationToken = default)
    {
        FolderNames.Validate(newName);
        return WriteFolderAsync(folderId, async (write, folder) =>
        {
            if (folder.Role != DefaultFolder.None)
            {
                throw new FolderOperationException(FolderError.DefaultFolder, $"'{folder.Name}' is a default folder and cannot be renamed.");
            }

            if (FolderNames.IsSameOrUnder(newName, folder.Name))
            {
                throw new FolderOperationException(FolderError.InvalidName, $"'{folder.Name}' cannot be moved under itself.");
            }

            if (await FindFolderIdAsync(write.Session, folder.MailboxId, newName, cancellationToken) is not null)
            {
                throw new FolderOperationException(FolderError.AlreadyExists, $"The folder '{newName}' already exists.");
            }

            await CreateAncestorsAsync(write, newName, cancellationToken);
            var all = await write.Session.QueryAsync(
                $"SELECT {FolderColumns} FROM mail_folders WHERE mailbox_id = @m", MapFolder, cancellationToken, ("m", folder.MailboxId));
            foreach (var moved in all.Where(f => FolderNames.IsSameOrUnder(f.Name, folder.Name)))
            {
                var renamed = newName + moved.Name[folder.Name.Length..];
                await write.Session.ExecuteAsync(
                    "UPDATE mail_folders SET name = @n, name_key = @k WHERE id = @f",
                    cancellationToken, ("n", renamed), ("k", FolderNames.Key(renamed)), ("f", moved.Id));
                write.Record(moved, MailboxChangeKind.FolderRenamed, moved.UidNext, moved.HighestModSeq);
            }

            return 0;
        }, cancellationToken);
    }

    public async Task DeleteFolderAsync(long folderId, CancellationToken cancellationToken = default)
    {
        // Checked before emptying the folder page by page, and again under the lock of the last transaction.
        await WriteFolderAsync(folderId, (write, folder) => CheckDeletableAsync(write.Session, folder, cancellationToken), cancellationToken);
        await PurgeFolderAsync(folderId, cancellationToken);
        await WriteFolderAsync(folderId, async (write, current) =>
        {
            await CheckDeletableAsync(write.Session, current, cancellationToken);
            while (await PurgePageAsync(write, current, int.MaxValue, cancellationToken) > 0)
            {
            }

            await DeleteFolderRowsAsync(write.Session, folderId, cancellationToken);
            write.Record(current, MailboxChangeKind.FolderDeleted, current.UidNext, current.HighestModSeq);
            return 0;
        }, cancellationToken);
    }

    public Task SetSubscribedAsync(Guid mailboxId, string name, bool subscribed, CancellationToken cancellationToken = default) =>
        WriteMailboxAsync(mailboxId, write => subscribed
            ? write.Session.ExecuteAsync(
                "INSERT INTO mail_subscriptions (mailbox_id, name_key, name) VALUES (@m, @k, @n) ON CONFLICT DO NOTHING",
                cancellationToken, ("m", mailboxId), ("k", FolderNames.Key(name)), ("n", name))
            : write.Session.ExecuteAsync(
                "DELETE FROM mail_subscriptions WHERE mailbox_id = @m AND name_key = @k", cancellationToken, ("m", mailboxId), ("k", FolderNames.Key(name))),
            cancellationToken);

    public Task<IReadOnlyList<string>> ListSubscriptionsAsync(Guid mailboxId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync<IReadOnlyList<string>>(
            async s => await s.QueryAsync(
                "SELECT name FROM mail_subscriptions WHERE mailbox_id = @m ORDER BY name", r => r.GetString(0), cancellationToken, ("m", mailboxId)),
            cancellationToken);

    public Task<IReadOnlyList<string>> ListKeywordsAsync(long folderId, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync<IReadOnlyList<string>>(
            async s => await s.QueryAsync(
                "SELECT keyword FROM mail_folder_keywords WHERE folder_id = @f ORDER BY keyword", r => r.GetString(0), cancellationToken, ("f", folderId)),
            cancellationToken);

    private static async Task<int> CheckDeletableAsync(SqlSession s, MailFolder folder, CancellationToken cancellationToken)
    {
        if (folder.Role != DefaultFolder.None)
        {
            throw new FolderOperationException(FolderError.DefaultFolder, $"'{folder.Name}' is a default folder and cannot be deleted.");
        }

        var names = await s.QueryAsync("SELECT name FROM mail_folders WHERE mailbox_id = @m", r => r.GetString(0), cancellationToken, ("m", folder.MailboxId));
        if (names.Any(n => n != folder.Name && FolderNames.IsSameOrUnder(n, folder.Name)))
        {
            throw new FolderOperationException(FolderError.HasChildren, $"'{folder.Name}' has subfolders; delete them first.");
        }

        return 0;
    }

    private static Task<long?> FindFolderIdAsync(SqlSession s, Guid mailboxId, string name, CancellationToken cancellationToken) =>
        s.Int64Async("SELECT id FROM mail_folders WHERE mailbox_id = @m AND name_key = @k", cancellationToken, ("m", mailboxId), ("k", FolderNames.Key(name)));

    /// <summary>RFC 9051 §6.3.4: creating "a/b/c" creates "a" and "a/b" when they are missing.</summary>
    private async Task CreateAncestorsAsync(MailboxWrite write, string name, CancellationToken cancellationToken)
    {
        foreach (var ancestor in FolderNames.Ancestors(name))
        {
            if (await FindFolderIdAsync(write.Session, write.MailboxId, ancestor, cancellationToken) is null)
            {
                await InsertFolderAsync(write, ancestor, DefaultFolder.None, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Inserts a folder with a UIDVALIDITY from the store-wide counter, which starts at the Unix time and only grows:
    /// a folder deleted and created again under the same name (even in another mailbox of the same Guid) never gets
    /// an old UIDVALIDITY back, so clients drop their caches as RFC 9051 §2.3.1.1 requires.
    /// </summary>
    private async Task<MailFolder> InsertFolderAsync(MailboxWrite write, string name, DefaultFolder role, CancellationToken cancellationToken)
    {
        var s = write.Session;
        var now = Sql.Time.GetUtcNow().ToUnixTimeSeconds();
        var uidValidity = await s.Int64Async(
            "UPDATE mail_counters SET value = CASE WHEN value + 1 > @now THEN value + 1 ELSE @now END WHERE name = 'uidvalidity' RETURNING value",
            cancellationToken, ("now", now)) ?? throw new InvalidOperationException("The mailbox schema lacks its UIDVALIDITY counter.");
        var id = await s.Int64Async(
            "INSERT INTO mail_folders (mailbox_id, name, name_key, role, uid_validity, uid_next, highest_modseq, message_count, total_size) " +
            "VALUES (@m, @n, @k, @r, @v, 1, 1, 0, 0) RETURNING id",
            cancellationToken, ("m", write.MailboxId), ("n", name), ("k", FolderNames.Key(name)), ("r", role), ("v", uidValidity));
        var folder = new MailFolder(id!.Value, write.MailboxId, name, role, (uint)uidValidity, 1, 1, 0, 0);
        write.Record(folder, MailboxChangeKind.FolderCreated, 1, 1);
        return folder;
    }
}

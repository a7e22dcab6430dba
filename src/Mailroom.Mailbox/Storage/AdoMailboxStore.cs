using System.Data.Common;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>
/// The mailbox store over plain ADO.NET, one SQL text for SQLite and PostgreSQL; a <see cref="MailboxSqlProvider"/>
/// supplies connections, locking and migrations, an <see cref="IBlobStore"/> the bodies. Every write first updates
/// the mailbox's row, which serializes writers per mailbox on any database; row locks are then taken in a fixed order
/// (mailbox, folder, counter, blobs by id) so writers never deadlock.
/// </summary>
public partial class AdoMailboxStore : IMailboxStore
{
    private const string FolderColumns = "id, mailbox_id, name, role, uid_validity, uid_next, highest_modseq, message_count, total_size";

    public AdoMailboxStore(MailboxSqlProvider sql, IBlobStore blobs, IMailboxChangeFeed? changes = null)
    {
        Sql = sql;
        Blobs = blobs;
        Changes = changes ?? new InProcessMailboxChangeFeed();
    }

    public IBlobStore Blobs { get; }

    public IMailboxChangeFeed Changes { get; }

    protected MailboxSqlProvider Sql { get; }

    public virtual async Task InitializeAsync(CancellationToken cancellationToken = default) =>
        await Sql.MigrateAsync(cancellationToken);

    /// <summary>A write transaction holding the mailbox's lock; changes it records are published after the commit.</summary>
    private async Task<T> WriteMailboxAsync<T>(Guid mailboxId, Func<MailboxWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        var changes = new List<MailboxChange>();
        var result = await Sql.WriteAsync(async session =>
        {
            if (!await LockMailboxAsync(session, mailboxId, cancellationToken))
            {
                throw new MailboxNotFoundException(mailboxId);
            }

            return await work(new MailboxWrite(session, mailboxId, changes));
        }, cancellationToken);

        foreach (var change in changes)
        {
            Changes.Publish(change);
        }

        return result;
    }

    /// <summary>As <see cref="WriteMailboxAsync{T}"/>, with the folder re-read under the lock (it may have gone meanwhile).</summary>
    private async Task<T> WriteFolderAsync<T>(long folderId, Func<MailboxWrite, MailFolder, Task<T>> work, CancellationToken cancellationToken)
    {
        var folder = await GetFolderAsync(folderId, cancellationToken) ?? throw new FolderNotFoundException(folderId.ToString());
        return await WriteMailboxAsync(folder.MailboxId, async write =>
        {
            var current = await ReadFolderAsync(write.Session, folderId, cancellationToken)
                ?? throw new FolderNotFoundException(folder.Name);
            return await work(write, current);
        }, cancellationToken);
    }

    /// <summary>Takes the mailbox's row lock (a no-op update); false if the mailbox does not exist.</summary>
    private static async Task<bool> LockMailboxAsync(SqlSession session, Guid mailboxId, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "UPDATE mail_mailboxes SET message_count = message_count WHERE id = @m", cancellationToken, ("m", mailboxId)) == 1;

    private static async Task<MailFolder?> ReadFolderAsync(SqlSession session, long folderId, CancellationToken cancellationToken) =>
        (await session.QueryAsync($"SELECT {FolderColumns} FROM mail_folders WHERE id = @f", MapFolder, cancellationToken, ("f", folderId)))
            .FirstOrDefault();

    private static MailFolder MapFolder(DbDataReader r) => new(
        r.GetInt64(0),
        Guid.Parse(r.GetString(1)),
        r.GetString(2),
        (DefaultFolder)r.GetInt64(3),
        (uint)r.GetInt64(4),
        (uint)r.GetInt64(5),
        (ulong)r.GetInt64(6),
        r.GetInt64(7),
        r.GetInt64(8));

    /// <summary>
    /// Takes <paramref name="uids"/> new UIDs and one new MODSEQ from the folder and adjusts its counters, under the
    /// folder row's lock. UIDs come from UIDNEXT, which only grows, so a UID is never handed out twice (RFC 9051 §2.3.1.1).
    /// </summary>
    private static async Task<(uint FirstUid, ulong ModSeq, uint UidNext)> AllocateAsync(
        SqlSession session, MailFolder folder, int uids, long countDelta, long sizeDelta, CancellationToken cancellationToken)
    {
        var row = (await session.QueryAsync(
            "UPDATE mail_folders SET uid_next = uid_next + @n, highest_modseq = highest_modseq + 1, " +
            "message_count = message_count + @c, total_size = total_size + @s WHERE id = @f RETURNING uid_next, highest_modseq",
            r => (UidNext: r.GetInt64(0), ModSeq: r.GetInt64(1)),
            cancellationToken, ("n", uids), ("c", countDelta), ("s", sizeDelta), ("f", folder.Id))).Single();
        if (row.UidNext - 1 > uint.MaxValue)
        {
            throw new InvalidOperationException($"The folder '{folder.Name}' has used up its 32-bit UID space.");
        }

        if (countDelta != 0 || sizeDelta != 0)
        {
            await session.ExecuteAsync(
                "UPDATE mail_mailboxes SET message_count = message_count + @c, total_size = total_size + @s WHERE id = @m",
                cancellationToken, ("c", countDelta), ("s", sizeDelta), ("m", folder.MailboxId));
        }

        return ((uint)(row.UidNext - uids), (ulong)row.ModSeq, (uint)row.UidNext);
    }

    /// <summary>
    /// Adds <paramref name="delta"/> references per occurrence of each blob, in id order so concurrent writers lock blob
    /// rows in the same order. Returns each blob's size; a blob that is not stored throws <see cref="BlobNotFoundException"/>.
    /// </summary>
    private static async Task<Dictionary<BlobId, long>> AdjustBlobReferencesAsync(
        SqlSession session, IEnumerable<BlobId> blobs, int delta, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<BlobId, long>();
        foreach (var group in blobs.GroupBy(b => b).OrderBy(g => g.Key.Hex, StringComparer.Ordinal))
        {
            var size = await session.Int64Async(
                "UPDATE mail_blobs SET ref_count = ref_count + @d WHERE id = @b RETURNING size",
                cancellationToken, ("d", (long)delta * group.Count()), ("b", group.Key));
            sizes[group.Key] = size ?? throw new BlobNotFoundException(group.Key);
        }

        return sizes;
    }

    private static async Task RegisterKeywordsAsync(SqlSession session, long folderId, IEnumerable<string> keywords, CancellationToken cancellationToken)
    {
        foreach (var keyword in keywords.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await session.ExecuteAsync(
                "INSERT INTO mail_folder_keywords (folder_id, keyword) VALUES (@f, @k) ON CONFLICT DO NOTHING",
                cancellationToken, ("f", folderId), ("k", keyword));
        }
    }

    /// <summary>
    /// Pages are read with LIMIT n + 1: the extra row, dropped here, tells whether another page exists, so a caller
    /// gets a null continuation exactly when it is done (never a last, empty page).
    /// </summary>
    private static uint? TrimPage<T>(List<T> rows, int limit, Func<T, uint> uid)
    {
        if (rows.Count <= limit)
        {
            return null;
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return uid(rows[^1]) + 1;
    }

    private static int CheckLimit(int limit) =>
        limit is > 0 and <= FetchRequest.MaxLimit ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {FetchRequest.MaxLimit} messages.");

    /// <summary>A write in progress: its session, its mailbox, and the changes to publish once it commits.</summary>
    private sealed record MailboxWrite(SqlSession Session, Guid MailboxId, List<MailboxChange> Changes)
    {
        public void Record(MailFolder folder, MailboxChangeKind kind, uint uidNext, ulong modSeq) =>
            Changes.Add(new MailboxChange(MailboxId, folder.Id, kind, uidNext, modSeq));
    }
}

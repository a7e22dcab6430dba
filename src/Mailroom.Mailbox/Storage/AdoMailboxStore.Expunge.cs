using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>EXPUNGE: remove \Deleted messages, remember their UIDs for VANISHED, release their bodies.</summary>
public partial class AdoMailboxStore
{
    // Must match the partial index ix_mail_messages_deleted's predicate word for word, or SQLite will not use it.
    private const string DeletedPredicate = "folder_id = @f AND (flags & 8) <> 0 AND uid >= @first AND uid <= @last";

    public Task<ExpungeResult> ExpungeAsync(long folderId, UidRange range, int limit = 1000, CancellationToken cancellationToken = default)
    {
        limit = CheckLimit(limit);
        return WriteFolderAsync(folderId, async (write, folder) =>
        {
            var s = write.Session;
            var page = await s.QueryAsync(
                $"SELECT uid, blob_id, size FROM mail_messages WHERE {DeletedPredicate} ORDER BY uid LIMIT @n",
                r => (Uid: (uint)r.GetInt64(0), Blob: BlobId.Parse(r.GetString(1)), Size: r.GetInt64(2)),
                cancellationToken, ("f", folderId), ("first", range.First), ("last", range.Last), ("n", limit + 1));
            var next = TrimPage(page, limit, p => p.Uid);
            if (page.Count == 0)
            {
                return new ExpungeResult([], folder.HighestModSeq, null);
            }

            var (_, modSeq, uidNext) = await AllocateAsync(s, folder, 0, -page.Count, -page.Sum(p => p.Size), cancellationToken);
            await RemoveAsync(s, folderId, DeletedPredicate, range.First, page[^1].Uid, modSeq, cancellationToken);
            await AdjustBlobReferencesAsync(s, page.Select(p => p.Blob), -1, cancellationToken);
            write.Record(folder, MailboxChangeKind.MessagesExpunged, uidNext, modSeq);
            return new ExpungeResult(page.Select(p => p.Uid).ToList(), modSeq, next);
        }, cancellationToken);
    }

    /// <summary>
    /// Records the matching UIDs as expunged at <paramref name="modSeq"/> and deletes the rows, with the same predicate
    /// for both; the mailbox lock guarantees nobody changes the rows in between.
    /// </summary>
    private static async Task RemoveAsync(SqlSession s, long folderId, string predicate, uint first, uint last, ulong modSeq, CancellationToken cancellationToken)
    {
        (string, object?)[] range = [("f", folderId), ("first", first), ("last", last)];
        await s.ExecuteAsync(
            $"INSERT INTO mail_expunged (folder_id, uid, modseq) SELECT folder_id, uid, @ms FROM mail_messages WHERE {predicate}",
            cancellationToken, [.. range, ("ms", modSeq)]);
        await s.ExecuteAsync($"DELETE FROM mail_messages WHERE {predicate}", cancellationToken, range);
    }
}

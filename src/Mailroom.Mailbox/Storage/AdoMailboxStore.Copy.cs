using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>COPY and MOVE within a mailbox: new rows with new UIDs that share the original bodies.</summary>
public partial class AdoMailboxStore
{
    private const string RangePredicate = "folder_id = @f AND uid >= @first AND uid <= @last";

    public Task<CopyResult> CopyAsync(long sourceFolderId, UidRange range, long targetFolderId, int limit = 1000, CancellationToken cancellationToken = default) =>
        CopyOrMoveAsync(sourceFolderId, range, targetFolderId, limit, move: false, cancellationToken);

    public Task<CopyResult> MoveAsync(long sourceFolderId, UidRange range, long targetFolderId, int limit = 1000, CancellationToken cancellationToken = default)
    {
        if (sourceFolderId == targetFolderId)
        {
            throw new ArgumentException("A message cannot be moved to the folder it is in.", nameof(targetFolderId));
        }

        return CopyOrMoveAsync(sourceFolderId, range, targetFolderId, limit, move: true, cancellationToken);
    }

    private Task<CopyResult> CopyOrMoveAsync(long sourceId, UidRange range, long targetId, int limit, bool move, CancellationToken cancellationToken)
    {
        limit = CheckLimit(limit);
        return WriteFolderAsync(sourceId, async (write, source) =>
        {
            var s = write.Session;
            var target = await ReadFolderAsync(s, targetId, cancellationToken) ?? throw new FolderNotFoundException(targetId.ToString());
            if (target.MailboxId != source.MailboxId)
            {
                throw new FolderOperationException(FolderError.OtherMailbox, "Messages can only be copied or moved within one mailbox.");
            }

            var page = await s.QueryAsync(
                $"SELECT uid, blob_id, size FROM mail_messages WHERE {RangePredicate} ORDER BY uid LIMIT @n",
                r => (Uid: (uint)r.GetInt64(0), Blob: BlobId.Parse(r.GetString(1)), Size: r.GetInt64(2)),
                cancellationToken, ("f", sourceId), ("first", range.First), ("last", range.Last), ("n", limit + 1));
            var next = TrimPage(page, limit, p => p.Uid);
            if (page.Count == 0)
            {
                return new CopyResult(target.UidValidity, [], source.HighestModSeq, null);
            }

            var size = page.Sum(p => p.Size);
            var (firstUid, modSeq, uidNext) = await AllocateAsync(s, target, page.Count, page.Count, size, cancellationToken);

            // One statement copies the page; ROW_NUMBER over the source UIDs keeps the copies in the same order.
            await s.ExecuteAsync(
                $"INSERT INTO mail_messages (folder_id, uid, modseq, {MessageColumns.Carried}) " +
                $"SELECT @t, @base + ROW_NUMBER() OVER (ORDER BY uid), @ms, {MessageColumns.Carried} FROM mail_messages WHERE {RangePredicate}",
                cancellationToken, ("t", targetId), ("base", (long)firstUid - 1), ("ms", modSeq),
                ("f", sourceId), ("first", range.First), ("last", page[^1].Uid));
            await CopyKeywordsAsync(s, sourceId, targetId, cancellationToken);
            write.Record(target, MailboxChangeKind.MessagesAdded, uidNext, modSeq);

            var sourceModSeq = source.HighestModSeq;
            if (move)
            {
                // The bodies change owner, not count, so the blob references stay as they are.
                var (_, removedAt, sourceNext) = await AllocateAsync(s, source, 0, -page.Count, -size, cancellationToken);
                await RemoveAsync(s, sourceId, RangePredicate, range.First, page[^1].Uid, removedAt, cancellationToken);
                write.Record(source, MailboxChangeKind.MessagesExpunged, sourceNext, removedAt);
                sourceModSeq = removedAt;
            }
            else
            {
                await AdjustBlobReferencesAsync(s, page.Select(p => p.Blob), +1, cancellationToken);
            }

            var mappings = page.Select((p, i) => new UidMapping(p.Uid, firstUid + (uint)i)).ToList();
            return new CopyResult(target.UidValidity, mappings, sourceModSeq, next);
        }, cancellationToken);
    }

    private static Task CopyKeywordsAsync(SqlSession s, long sourceId, long targetId, CancellationToken cancellationToken) =>
        s.ExecuteAsync(
            "INSERT INTO mail_folder_keywords (folder_id, keyword) SELECT @t, keyword FROM mail_folder_keywords WHERE folder_id = @f ON CONFLICT DO NOTHING",
            cancellationToken, ("t", targetId), ("f", sourceId));
}

using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>Reads: pages of messages by UID (keyset, never OFFSET over the page), sequence mapping, VANISHED.</summary>
public partial class AdoMailboxStore
{
    public Task<MessagePage> FetchAsync(long folderId, FetchRequest request, CancellationToken cancellationToken = default)
    {
        var limit = CheckLimit(request.Limit);
        var changedSince = request.ChangedSince > 0 ? " AND modseq > @cs" : string.Empty;
        (string, object?)[] parameters = request.ChangedSince > 0
            ? [("f", folderId), ("first", request.Range.First), ("last", request.Range.Last), ("n", limit + 1), ("cs", request.ChangedSince)]
            : [("f", folderId), ("first", request.Range.First), ("last", request.Range.Last), ("n", limit + 1)];
        return Sql.ReadAsync(async s =>
        {
            var messages = await s.QueryAsync(
                $"SELECT {MessageColumns.Select(request.Fields)} FROM mail_messages " +
                $"WHERE folder_id = @f AND uid >= @first AND uid <= @last{changedSince} ORDER BY uid LIMIT @n",
                r => MessageColumns.Read(r, request.Fields), cancellationToken, parameters);
            var next = TrimPage(messages, limit, m => m.Uid);
            return new MessagePage(messages, next);
        }, cancellationToken);
    }

    public Task<UidRange?> ResolveSequenceRangeAsync(long folderId, uint first, uint last, CancellationToken cancellationToken = default)
    {
        if (first == 0 || last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"A sequence range is 1 ≤ first ≤ last; got {first}:{last}.");
        }

        return Sql.ReadAsync(async s =>
        {
            // OFFSET walks the primary key's index once per end; the pages themselves then go by UID.
            var firstUid = await UidAtAsync(s, folderId, first, cancellationToken);
            if (firstUid is null)
            {
                return (UidRange?)null;
            }

            var lastUid = await UidAtAsync(s, folderId, last, cancellationToken)
                ?? await s.Int64Async("SELECT MAX(uid) FROM mail_messages WHERE folder_id = @f", cancellationToken, ("f", folderId));
            return new UidRange((uint)firstUid.Value, (uint)lastUid!.Value);
        }, cancellationToken);
    }

    public Task<uint> GetSequenceNumberAsync(long folderId, uint uid, CancellationToken cancellationToken = default) =>
        Sql.ReadAsync(async s =>
        {
            var exists = await s.Int64Async("SELECT uid FROM mail_messages WHERE folder_id = @f AND uid = @u", cancellationToken, ("f", folderId), ("u", uid));
            return exists is null
                ? 0u
                : (uint)(await s.Int64Async("SELECT COUNT(*) FROM mail_messages WHERE folder_id = @f AND uid <= @u", cancellationToken, ("f", folderId), ("u", uid)))!.Value;
        }, cancellationToken);

    public Task<VanishedPage> GetVanishedAsync(long folderId, ulong sinceModSeq, UidRange range, int limit = 5000, CancellationToken cancellationToken = default)
    {
        limit = CheckLimit(limit);
        return Sql.ReadAsync(async s =>
        {
            var uids = await s.QueryAsync(
                "SELECT uid FROM mail_expunged WHERE folder_id = @f AND uid >= @first AND uid <= @last AND modseq > @since ORDER BY uid LIMIT @n",
                r => (uint)r.GetInt64(0), cancellationToken,
                ("f", folderId), ("first", range.First), ("last", range.Last), ("since", sinceModSeq), ("n", limit + 1));
            var next = TrimPage(uids, limit, u => u);
            return new VanishedPage(uids, next);
        }, cancellationToken);
    }

    private static Task<long?> UidAtAsync(SqlSession s, long folderId, uint sequence, CancellationToken cancellationToken) =>
        s.Int64Async(
            "SELECT uid FROM mail_messages WHERE folder_id = @f ORDER BY uid LIMIT 1 OFFSET @o",
            cancellationToken, ("f", folderId), ("o", (long)sequence - 1));
}

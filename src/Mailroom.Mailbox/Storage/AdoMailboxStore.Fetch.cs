using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Storage;

/// <summary>Reads: pages of messages by UID (keyset, never OFFSET over the page), sequence mapping, VANISHED.</summary>
public partial class AdoMailboxStore
{
    public Task<MessagePage> FetchAsync(long folderId, FetchRequest request, CancellationToken cancellationToken = default)
    {
        var limit = CheckLimit(request.Limit);
        if (request.Fields.HasFlag(MessageFields.InlineBody) && limit > FetchRequest.MaxInlineBodyLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), limit, $"A page with inline bodies holds 1 to {FetchRequest.MaxInlineBodyLimit} messages.");
        }

        var where = new System.Text.StringBuilder("folder_id = @f AND uid >= @first AND uid <= @last");
        var parameters = new List<(string, object?)> { ("f", folderId), ("first", request.Range.First), ("last", request.Range.Last), ("n", limit + 1) };
        if (request.ChangedSince > 0)
        {
            where.Append(" AND modseq > @cs");
            parameters.Add(("cs", request.ChangedSince));
        }

        AppendTextFilter(where, parameters, request.TextFilter);
        return Sql.ReadAsync(async s =>
        {
            var messages = await s.QueryAsync(
                $"SELECT {MessageColumns.Select(request.Fields, Sql.InlineBodySql)} FROM mail_messages WHERE {where} ORDER BY uid LIMIT @n",
                r => MessageColumns.Read(r, request.Fields), cancellationToken, [.. parameters]);
            var next = TrimPage(messages, limit, m => m.Uid);
            return new MessagePage(messages, next);
        }, cancellationToken);
    }

    public Task<UidPage> ListUidsAsync(long folderId, UidRange range, int limit = 50_000, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A UID page holds 1 to 1,000,000 UIDs.");
        }

        // The primary key's index alone answers this: no row is read, so SELECT's sequence map costs little.
        return Sql.ReadAsync(async s =>
        {
            var uids = await s.QueryAsync(
                "SELECT uid FROM mail_messages WHERE folder_id = @f AND uid >= @first AND uid <= @last ORDER BY uid LIMIT @n",
                r => (uint)r.GetInt64(0), cancellationToken,
                ("f", folderId), ("first", range.First), ("last", range.Last), ("n", limit + 1));
            var next = TrimPage(uids, limit, u => u);
            return new UidPage(uids, next);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<uint>> ListUidsInOrderAsync(long folderId, UidRange range, IReadOnlyList<MessageOrderKey> order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderBy = string.Join(", ", order.Select(k => k.Order switch
        {
            MessageOrder.Arrival => "internal_date",
            MessageOrder.Date => "COALESCE(sent_date, internal_date)",
            _ => "size",
        } + (k.Descending ? " DESC" : string.Empty)).Append("uid"));

        // The summary index covers every column used, so the database sorts without touching message rows.
        return Sql.ReadAsync<IReadOnlyList<uint>>(async s => await s.QueryAsync(
            $"SELECT uid FROM mail_messages WHERE folder_id = @f AND uid >= @first AND uid <= @last ORDER BY {orderBy}",
            r => (uint)r.GetInt64(0), cancellationToken, ("f", folderId), ("first", range.First), ("last", range.Last)), cancellationToken);
    }

    /// <summary>
    /// SEARCH's header keys as SQL over the folded columns: the database skips the messages that cannot match, so
    /// the caller decodes only candidates. Values are folded the way the columns were.
    /// </summary>
    private void AppendTextFilter(System.Text.StringBuilder where, List<(string, object?)> parameters, IReadOnlyList<IReadOnlyList<TextCondition>> filter)
    {
        foreach (var group in filter)
        {
            if (group.Count == 0)
            {
                continue;
            }

            where.Append(" AND (");
            for (var i = 0; i < group.Count; i++)
            {
                var name = "@t" + parameters.Count;
                parameters.Add((name[1..], SearchText.Fold(group[i].Value)));
                where.Append(i == 0 ? string.Empty : " OR ").Append(Sql.ContainsSql(MessageColumns.FoldedColumn(group[i].Field), name));
            }

            where.Append(')');
        }
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

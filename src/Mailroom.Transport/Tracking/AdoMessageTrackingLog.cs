using Mailroom.Persistence;
using System.Data.Common;
using System.Text;
using Mailroom.Transport.Queue;

namespace Mailroom.Transport.Tracking;

/// <summary>
/// The tracking log in the node's database (table <c>tracking_events</c>, SQL shared by both providers).
/// Recipients are stored as <c>;a;b;</c> so one address matches with LIKE without a second table.
/// </summary>
public sealed class AdoMessageTrackingLog : IMessageTrackingLog
{
    private readonly Func<CancellationToken, Task<DbConnection>> open;
    private readonly GroupCommit<MessageTrackingEvent> writes;

    /// <param name="open">Opens a connection to the node's database.</param>
    /// <param name="beginWrite">Begins a transaction holding that database's write lock (tracking shares it).</param>
    /// <param name="endWrite">Releases what <paramref name="beginWrite"/> took besides the transaction.</param>
    public AdoMessageTrackingLog(
        Func<CancellationToken, Task<DbConnection>> open,
        Func<DbConnection, CancellationToken, Task<DbTransaction>> beginWrite,
        Action? endWrite = null)
    {
        this.open = open;
        writes = new GroupCommit<MessageTrackingEvent>(async batch =>
        {
            await using var connection = await open(CancellationToken.None);
            var transaction = await beginWrite(connection, CancellationToken.None);
            await WriteTransaction.RunAsync(transaction, async () =>
            {
                foreach (var e in batch)
                {
                    await InsertAsync(new SqlSession(connection, transaction), e);
                }

                return 0;
            }, endWrite, CancellationToken.None);
        });
    }

    /// <summary>Group-committed: the events of concurrent sessions share one transaction.</summary>
    public Task WriteAsync(MessageTrackingEvent entry, CancellationToken cancellationToken = default) => writes.SubmitAsync(entry);

    private static Task InsertAsync(SqlSession db, MessageTrackingEvent e)
    {
        var cancellationToken = CancellationToken.None;
        return db.ExecuteAsync(
            "INSERT INTO tracking_events (id, ts, event_id, source, server, client_ip, client_hostname, connector_id, sender, recipients, recipient_status, message_id, internal_id, total_bytes, reference) " +
            "VALUES (@id, @ts, @event, @source, @server, @cip, @chost, @conn, @sender, @rcpts, @rstatus, @mid, @iid, @bytes, @ref)",
            cancellationToken,
            ("id", Guid.NewGuid().ToString("N")), ("ts", new DateTimeOffset(e.Timestamp).ToUnixTimeMilliseconds()), ("event", e.EventId), ("source", e.Source),
            ("server", e.ServerHostname), ("cip", e.ClientIp), ("chost", e.ClientHostname), ("conn", e.ConnectorId), ("sender", e.Sender.ToLowerInvariant()),
            ("rcpts", ";" + string.Join(";", e.Recipients.Select(r => r.ToLowerInvariant())) + ";"), ("rstatus", e.RecipientStatus), ("mid", e.MessageId),
            ("iid", e.InternalMessageId), ("bytes", e.TotalBytes), ("ref", e.Reference));
    }

    public async Task<IReadOnlyList<MessageTrackingEvent>> SearchAsync(TrackingQuery q, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("SELECT ts, event_id, source, server, client_ip, client_hostname, connector_id, sender, recipients, recipient_status, message_id, internal_id, total_bytes, reference FROM tracking_events WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Where(string clause, string name, object? value)
        {
            sql.Append(" AND ").Append(clause);
            parameters.Add((name, value));
        }

        if (q.Sender is not null)
        {
            Where("sender = @sender", "sender", q.Sender.ToLowerInvariant());
        }

        for (var i = 0; i < (q.Recipients?.Count ?? 0); i++)
        {
            Where($"recipients LIKE @r{i}", $"r{i}", "%;" + q.Recipients![i].ToLowerInvariant() + ";%");
        }

        if (q.MessageId is not null)
        {
            Where("message_id = @mid", "mid", q.MessageId);
        }

        if (q.EventId is not null)
        {
            Where("event_id = @event", "event", q.EventId.ToUpperInvariant());
        }

        if (q.Start is { } start)
        {
            Where("ts >= @start", "start", start.ToUnixTimeMilliseconds());
        }

        if (q.End is { } end)
        {
            Where("ts <= @end", "end", end.ToUnixTimeMilliseconds());
        }

        if (q.Server is not null)
        {
            Where("LOWER(server) = @server", "server", q.Server.ToLowerInvariant());
        }

        sql.Append($" ORDER BY ts, id LIMIT {Math.Max(1, q.ResultSize)}");
        await using var connection = await open(cancellationToken);
        return await new SqlSession(connection, null).QueryAsync(sql.ToString(), Read, cancellationToken, parameters.ToArray());
    }

    private static MessageTrackingEvent Read(DbDataReader row) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(0)).UtcDateTime, row.GetString(1), row.GetString(2), row.GetString(3),
        Text(row, 4), Text(row, 5), Text(row, 6), row.GetString(7),
        row.GetString(8).Split(';', StringSplitOptions.RemoveEmptyEntries), Text(row, 9), Text(row, 10), Text(row, 11), row.GetInt64(12), Text(row, 13));

    private static string? Text(DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);
}

using Mailroom.Persistence;
using System.Data.Common;
using Mailroom.Directory.Storage;

namespace Mailroom.Transport.Queue;

/// <summary>
/// The queue over plain ADO.NET, with SQL shared by SQLite and PostgreSQL; providers give connections and the
/// write lock (every write is serialized, which also makes leasing safe across nodes). Times are Unix milliseconds.
/// </summary>
public abstract class AdoQueueStore : IQueueStore
{
    private readonly GroupCommit<(QueuedMessage Message, IReadOnlyList<QueuedRecipient> Recipients)> enqueues;
    private readonly GroupCommit<Completion> completions;

    protected AdoQueueStore()
    {
        enqueues = new(batch => WriteAsync(async db =>
        {
            foreach (var (message, recipients) in batch)
            {
                await InsertAsync(db, message, recipients, CancellationToken.None);
            }

            return 0;
        }, CancellationToken.None));
        completions = new(batch => WriteAsync(async db =>
        {
            foreach (var c in batch)
            {
                await db.ExecuteAsync(
                    "UPDATE queue_recipients SET status = @s, next_attempt_at = @next, last_error = @err, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL " +
                    "WHERE message_id = @m AND recipient = @r",
                    CancellationToken.None, ("s", c.Status.ToString()), ("next", c.NextAttemptAt.ToUnixTimeMilliseconds()), ("err", c.LastError), ("m", c.MessageQueueId), ("r", c.Address));
            }

            return 0;
        }, CancellationToken.None));
    }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    protected virtual void EndWriteTransaction()
    {
    }

    /// <summary>The queue's tables live in the directory store's migrations (0003_queue.sql); nothing to do here.</summary>
    public virtual Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Group-committed with the enqueues of concurrent sessions; returns once this message is durable.</summary>
    public Task EnqueueAsync(QueuedMessage message, IReadOnlyList<QueuedRecipient> recipients, CancellationToken cancellationToken = default) =>
        enqueues.SubmitAsync((message, recipients));

    private static async Task InsertAsync(SqlSession db, QueuedMessage m, IReadOnlyList<QueuedRecipient> recipients, CancellationToken cancellationToken)
    {
            await db.ExecuteAsync(
                "INSERT INTO queue_messages (id, blob_id, size, return_path_bytes, reverse_path, message_id, envelope_id, ret, received_at, expires_at, source, client_address, submitter, node) " +
                "VALUES (@id, @blob, @size, @rp, @from, @mid, @envid, @ret, @received, @expires, @source, @client, @submitter, @node)",
                cancellationToken,
                ("id", m.Id), ("blob", m.BlobId), ("size", m.Size), ("rp", m.ReturnPathBytes), ("from", m.ReversePath), ("mid", (object?)m.MessageId),
                ("envid", (object?)m.EnvelopeId), ("ret", (object?)m.Ret), ("received", m.ReceivedAt.ToUnixTimeMilliseconds()),
                ("expires", m.ExpiresAt.ToUnixTimeMilliseconds()), ("source", m.Source), ("client", (object?)m.ClientAddress),
                ("submitter", (object?)m.Submitter), ("node", m.Node));
            foreach (var r in recipients)
            {
                await db.ExecuteAsync(
                    "INSERT INTO queue_recipients (message_id, recipient, mailbox_id, next_hop, status, attempts, next_attempt_at, last_error, notify, orcpt) " +
                    "VALUES (@m, @r, @mb, @hop, @status, 0, @next, NULL, @notify, @orcpt)",
                    cancellationToken,
                    ("m", m.Id), ("r", r.Address), ("mb", (object?)r.MailboxId?.ToString("D")), ("hop", r.NextHop), ("status", r.Status.ToString()),
                    ("next", r.NextAttemptAt.ToUnixTimeMilliseconds()), ("notify", (object?)r.Notify), ("orcpt", (object?)r.OriginalRecipient));
            }
    }

    public Task<IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)>> LeaseDueAsync(
        string node, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<(QueuedMessage, QueuedRecipient)>>(async db =>
        {
            var due = await db.QueryAsync(
                $"SELECT {QueueRows.RecipientColumns} FROM queue_recipients r WHERE r.status IN ('Ready', 'Retry') AND r.next_attempt_at <= @now " +
                $"AND (r.lease_until IS NULL OR r.lease_until < @now) ORDER BY r.next_attempt_at LIMIT {max}",
                QueueRows.Recipient, cancellationToken, ("now", now.ToUnixTimeMilliseconds()));
            var leased = new List<(QueuedMessage, QueuedRecipient)>(due.Count);
            foreach (var r in due)
            {
                await db.ExecuteAsync(
                    "UPDATE queue_recipients SET lease_owner = @node, lease_until = @until WHERE message_id = @m AND recipient = @r",
                    cancellationToken, ("node", node), ("until", leaseUntil.ToUnixTimeMilliseconds()), ("m", r.MessageQueueId), ("r", r.Address));
                var message = (await db.QueryAsync($"SELECT {QueueRows.MessageColumns} FROM queue_messages WHERE id = @id", QueueRows.Message, cancellationToken, ("id", r.MessageQueueId)))[0];
                leased.Add((message, r));
            }

            return leased;
        }, cancellationToken);

    public Task<int> ReleaseLeasesAsync(string node, CancellationToken cancellationToken = default) =>
        WriteAsync<int>(db => db.ExecuteAsync(
            "UPDATE queue_recipients SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @node",
            cancellationToken, ("node", node)), cancellationToken);

    /// <summary>Group-committed with the outcomes of the other deliveries running at the same time.</summary>
    public Task CompleteAsync(string messageQueueId, string address, RecipientStatus status, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken = default) =>
        completions.SubmitAsync(new Completion(messageQueueId, address, status, nextAttemptAt, lastError));

    private sealed record Completion(string MessageQueueId, string Address, RecipientStatus Status, DateTimeOffset NextAttemptAt, string? LastError);

    public Task<IReadOnlyList<string>> RemoveFinishedAsync(CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<string>>(async db =>
        {
            var finished = await db.QueryAsync(
                "SELECT id, blob_id FROM queue_messages m WHERE NOT EXISTS (SELECT 1 FROM queue_recipients r WHERE r.message_id = m.id AND r.status NOT IN ('Delivered', 'Failed'))",
                row => (Id: row.GetString(0), Blob: row.GetString(1)), cancellationToken);
            foreach (var (id, _) in finished)
            {
                await db.ExecuteAsync("DELETE FROM queue_recipients WHERE message_id = @id", cancellationToken, ("id", id));
                await db.ExecuteAsync("DELETE FROM queue_messages WHERE id = @id", cancellationToken, ("id", id));
            }

            return finished.Select(f => f.Blob).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<string>> RemoveFinishedAsync(IReadOnlyCollection<string> candidates, CancellationToken cancellationToken = default) =>
        candidates.Count == 0
            ? Task.FromResult<IReadOnlyList<string>>([])
            : WriteAsync<IReadOnlyList<string>>(async db =>
            {
                var blobs = new List<string>();
                foreach (var id in candidates)
                {
                    var blob = await db.ScalarAsync(
                        "DELETE FROM queue_messages WHERE id = @id AND NOT EXISTS " +
                        "(SELECT 1 FROM queue_recipients r WHERE r.message_id = @id AND r.status NOT IN ('Delivered', 'Failed')) RETURNING blob_id",
                        cancellationToken, ("id", id));
                    if (blob is string removed)
                    {
                        await db.ExecuteAsync("DELETE FROM queue_recipients WHERE message_id = @id", cancellationToken, ("id", id));
                        blobs.Add(removed);
                    }
                }

                return blobs;
            }, cancellationToken);

    public Task MarkDelayNotifiedAsync(string messageQueueId, string address, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync<int>(db => db.ExecuteAsync(
            "UPDATE queue_recipients SET delay_notified_at = @at WHERE message_id = @m AND recipient = @r",
            cancellationToken, ("at", at.ToUnixTimeMilliseconds()), ("m", messageQueueId), ("r", address)), cancellationToken);

    public Task<IReadOnlyList<QueuedMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<QueuedMessage>>(db => db.QueryAsync($"SELECT {QueueRows.MessageColumns} FROM queue_messages ORDER BY received_at, id", QueueRows.Message, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<QueuedRecipient>> ListRecipientsAsync(string messageQueueId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<QueuedRecipient>>(db => db.QueryAsync(
            $"SELECT {QueueRows.RecipientColumns} FROM queue_recipients r WHERE r.message_id = @m ORDER BY r.recipient",
            QueueRows.Recipient, cancellationToken, ("m", messageQueueId)), cancellationToken);

    public Task<IReadOnlyList<QueueSummary>> SummarizeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<QueueSummary>>(db => db.QueryAsync(
            "SELECT next_hop, COUNT(DISTINCT message_id), " +
            "SUM(CASE WHEN status = 'Ready' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'Retry' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'Suspended' THEN 1 ELSE 0 END), " +
            "MIN(CASE WHEN status = 'Retry' THEN next_attempt_at END), MAX(last_error) " +
            "FROM queue_recipients WHERE status IN ('Ready', 'Retry', 'Suspended') GROUP BY next_hop ORDER BY next_hop",
            row => new QueueSummary(
                row.GetString(0), Convert.ToInt32(row.GetValue(1)), Convert.ToInt32(row.GetValue(2)), Convert.ToInt32(row.GetValue(3)), Convert.ToInt32(row.GetValue(4)),
                row.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(row.GetValue(5))), row.IsDBNull(6) ? null : row.GetString(6)),
            cancellationToken), cancellationToken);

    public async Task<int> SetStatusAsync(string messageQueueId, IReadOnlyList<RecipientStatus> from, RecipientStatus to, string? lastError, CancellationToken cancellationToken = default)
    {
        var statuses = string.Join(", ", from.Select(s => $"'{s}'"));
        return await WriteAsync<int>(db => db.ExecuteAsync(
            $"UPDATE queue_recipients SET status = @to, last_error = COALESCE(@err, last_error), lease_owner = NULL, lease_until = NULL WHERE message_id = @m AND status IN ({statuses})",
            cancellationToken, ("to", to.ToString()), ("err", lastError), ("m", messageQueueId)), cancellationToken);
    }

    public Task<int> RetryNowAsync(string nextHop, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync<int>(db => db.ExecuteAsync(
            "UPDATE queue_recipients SET next_attempt_at = @now WHERE next_hop = @hop AND status = 'Retry'",
            cancellationToken, ("now", now.ToUnixTimeMilliseconds()), ("hop", nextHop)), cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var next = await db.ScalarAsync("SELECT MIN(next_attempt_at) FROM queue_recipients WHERE status IN ('Ready', 'Retry')", cancellationToken);
            return next is null or DBNull ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(next));
        }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await work(new SqlSession(connection, null));
    }

    private async Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var transaction = await BeginWriteTransactionAsync(connection, cancellationToken);
        return await WriteTransaction.RunAsync(transaction, () => work(new SqlSession(connection, transaction)), EndWriteTransaction, cancellationToken);
    }

    private async Task WriteAsync(Func<SqlSession, Task<int>> work, CancellationToken cancellationToken) =>
        await WriteAsync<int>(work, cancellationToken);
}

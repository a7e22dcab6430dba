namespace Mailroom.Transport.Queue;

/// <summary>
/// The durable queue. <see cref="EnqueueAsync"/> commits message and recipients in one transaction: once it
/// returns, the message survives a crash (the body was made durable before, in the blob store).
/// </summary>
public interface IQueueStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task EnqueueAsync(QueuedMessage message, IReadOnlyList<QueuedRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> due recipients to <paramref name="node"/> until <paramref name="leaseUntil"/>,
    /// so two nodes never work on the same recipient at once; an expired lease makes it due again.
    /// </summary>
    Task<IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)>> LeaseDueAsync(
        string node, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frees every lease <paramref name="node"/> holds. Called when a node starts: leases from before a restart belong to
    /// work that died with the old process, and a server name runs in one process at a time.
    /// </summary>
    Task<int> ReleaseLeasesAsync(string node, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of an attempt and releases the lease.</summary>
    Task CompleteAsync(string messageQueueId, string address, RecipientStatus status, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken = default);

    /// <summary>Records that the sender was told this recipient is delayed.</summary>
    Task MarkDelayNotifiedAsync(string messageQueueId, string address, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes messages whose recipients are all Delivered or Failed; returns their blob ids to release.</summary>
    Task<IReadOnlyList<string>> RemoveFinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>As <see cref="RemoveFinishedAsync(CancellationToken)"/>, looking only at these messages (those a queue pass just worked on), so a pass never scans the whole queue.</summary>
    Task<IReadOnlyList<string>> RemoveFinishedAsync(IReadOnlyCollection<string> candidates, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QueuedMessage>> ListMessagesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QueuedRecipient>> ListRecipientsAsync(string messageQueueId, CancellationToken cancellationToken = default);

    /// <summary>Pending recipients grouped by next hop: the queues of Get-Queue.</summary>
    Task<IReadOnlyList<QueueSummary>> SummarizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves the message's recipients that are in <paramref name="from"/> to <paramref name="to"/>; returns how many.</summary>
    Task<int> SetStatusAsync(string messageQueueId, IReadOnlyList<RecipientStatus> from, RecipientStatus to, string? lastError, CancellationToken cancellationToken = default);

    /// <summary>Makes every waiting recipient of a next hop due now (Retry-Queue); returns how many.</summary>
    Task<int> RetryNowAsync(string nextHop, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The earliest next attempt among pending recipients, so the worker can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default);
}

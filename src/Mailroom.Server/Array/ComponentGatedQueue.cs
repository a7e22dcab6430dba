using Mailroom.Directory.Commands.ComponentStates;
using Mailroom.Transport.Queue;

namespace Mailroom.Server.Array;

/// <summary>
/// The queue as this node's processor sees it: while HubTransport isn't active here, it leases nothing, so the
/// shared queue's messages (including those this node still accepts) are delivered by the other members — the
/// array's version of Exchange's Redirect-Message during maintenance. Everything else passes through.
/// </summary>
public sealed class ComponentGatedQueue(IQueueStore inner, ComponentStateMonitor states) : IQueueStore
{
    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task EnqueueAsync(QueuedMessage message, IReadOnlyList<QueuedRecipient> recipients, CancellationToken cancellationToken = default) =>
        inner.EnqueueAsync(message, recipients, cancellationToken);

    public Task<IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)>> LeaseDueAsync(
        string node, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default) =>
        states.IsActive(ServerComponents.HubTransport)
            ? inner.LeaseDueAsync(node, now, leaseUntil, max, cancellationToken)
            : Task.FromResult<IReadOnlyList<(QueuedMessage, QueuedRecipient)>>([]);

    public Task<int> ReleaseLeasesAsync(string node, CancellationToken cancellationToken = default) => inner.ReleaseLeasesAsync(node, cancellationToken);

    public Task CompleteAsync(string messageQueueId, string address, RecipientStatus status, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken = default) =>
        inner.CompleteAsync(messageQueueId, address, status, nextAttemptAt, lastError, cancellationToken);

    public Task MarkDelayNotifiedAsync(string messageQueueId, string address, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.MarkDelayNotifiedAsync(messageQueueId, address, at, cancellationToken);

    public Task<IReadOnlyList<string>> RemoveFinishedAsync(CancellationToken cancellationToken = default) => inner.RemoveFinishedAsync(cancellationToken);

    public Task<IReadOnlyList<string>> RemoveFinishedAsync(IReadOnlyCollection<string> candidates, CancellationToken cancellationToken = default) =>
        inner.RemoveFinishedAsync(candidates, cancellationToken);

    public Task<IReadOnlyList<QueuedMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) => inner.ListMessagesAsync(cancellationToken);

    public Task<IReadOnlyList<QueuedRecipient>> ListRecipientsAsync(string messageQueueId, CancellationToken cancellationToken = default) =>
        inner.ListRecipientsAsync(messageQueueId, cancellationToken);

    public Task<IReadOnlyList<QueueSummary>> SummarizeAsync(CancellationToken cancellationToken = default) => inner.SummarizeAsync(cancellationToken);

    public Task<int> SetStatusAsync(string messageQueueId, IReadOnlyList<RecipientStatus> from, RecipientStatus to, string? lastError, CancellationToken cancellationToken = default) =>
        inner.SetStatusAsync(messageQueueId, from, to, lastError, cancellationToken);

    public Task<int> RetryNowAsync(string nextHop, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.RetryNowAsync(nextHop, now, cancellationToken);

    /// <summary>An inactive hub sleeps to its poll interval: due work is the other members' to do.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) =>
        states.IsActive(ServerComponents.HubTransport) ? inner.NextDueAsync(cancellationToken) : Task.FromResult<DateTimeOffset?>(null);
}

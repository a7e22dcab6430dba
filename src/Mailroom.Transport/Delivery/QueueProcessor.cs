using Mailroom.Transport.Notifications;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Tracking;
using Microsoft.Extensions.Logging;

namespace Mailroom.Transport.Delivery;

/// <summary>
/// Works the queue: leases due recipients, hands each to the delivery that handles it, records the outcome
/// (delivered, retry with back-off, or failed after a permanent error or expiry) and removes finished messages.
/// Woken at once when a message is queued; otherwise it sleeps until the next retry or the poll interval.
/// </summary>
public sealed partial class QueueProcessor(
    IQueueStore queue,
    IEnumerable<IRecipientDelivery> deliveries,
    IFailureNotifier failures,
    IBlobReleaser blobs,
    TransportOptions options,
    TimeProvider time,
    string node,
    ILogger<QueueProcessor> logger,
    IMessageTrackingLog? tracking = null)
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly IRecipientDelivery[] handlers = deliveries.ToArray();

    /// <summary>Asks for a pass now (a message was just queued).</summary>
    public void Signal()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        await queue.ReleaseLeasesAsync(node, stopping);
        await queue.RemoveFinishedAsync(stopping); // passes look only at what they worked on; this catches the rest
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                while (await ProcessDueAsync(stopping) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }

            var next = await SafeNextDueAsync(stopping);
            var wait = next is { } due ? Clamp(due - time.GetUtcNow()) : options.PollInterval;
            using var timeout = new CancellationTokenSource(wait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            try
            {
                await wake.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // Time for the next retry or poll.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over what is due now; returns how many recipients it worked on.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leased = await queue.LeaseDueAsync(node, now, now + options.LeaseDuration, options.MaxConcurrentDeliveries * 4, cancellationToken);
        var byHandler = leased.GroupBy(item => handlers.FirstOrDefault(h => h.Handles(item.Recipient)));
        await Task.WhenAll(byHandler.Select(group => group.Key is IBatchRecipientDelivery batch
            ? AttemptBatchAsync(batch, group.ToList(), cancellationToken)
            : Parallel.ForEachAsync(
                group,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentDeliveries, CancellationToken = cancellationToken },
                async (item, ct) => await RecordAsync(item.Message, item.Recipient, await AttemptAsync(group.Key, item.Message, item.Recipient, ct), ct))));
        foreach (var blob in await queue.RemoveFinishedAsync(leased.Select(l => l.Message.Id).Distinct().ToList(), cancellationToken))
        {
            await blobs.ReleaseAsync(blob, cancellationToken);
        }

        return leased.Count;
    }

    private async Task AttemptBatchAsync(IBatchRecipientDelivery handler, IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)> items, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeliveryOutcome> outcomes;
        try
        {
            outcomes = await handler.DeliverManyAsync(items, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAttemptFailed(logger, items[0].Message.Id, items[0].Recipient.Address, ex);
            outcomes = items.Select(_ => (DeliveryOutcome)new DeliveryOutcome.Transient("451 4.3.0 " + ex.GetType().Name)).ToList();
        }

        // Together, so their completions share one group commit.
        await Task.WhenAll(items.Select((item, i) => RecordAsync(item.Message, item.Recipient, outcomes[i], cancellationToken)));
    }

    private async Task<DeliveryOutcome> AttemptAsync(IRecipientDelivery? handler, QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        try
        {
            return handler is null
                ? new DeliveryOutcome.Transient($"451 4.4.0 No route to {recipient.NextHop} yet")
                : await handler.DeliverAsync(message, recipient, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAttemptFailed(logger, message.Id, recipient.Address, ex);
            return new DeliveryOutcome.Transient("451 4.3.0 " + ex.GetType().Name);
        }
    }

    private async Task RecordAsync(QueuedMessage message, QueuedRecipient recipient, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case DeliveryOutcome.Success:
                await queue.CompleteAsync(message.Id, recipient.Address, RecipientStatus.Delivered, now, null, cancellationToken);
                await TrackAsync(NextHop.IsLocal(recipient.NextHop) ? TrackingEvents.Deliver : TrackingEvents.Send, message, recipient, "250 2.0.0 OK", cancellationToken);
                if (Dsn.Requests(recipient.Notify, "SUCCESS"))
                {
                    await failures.RecipientDeliveredAsync(message, recipient, cancellationToken);
                }

                LogDelivered(logger, message.Id, recipient.Address);
                break;
            case DeliveryOutcome.Permanent permanent:
                await FailAsync(message, recipient, permanent.Reply, cancellationToken);
                break;
            case DeliveryOutcome.Transient transient when now >= message.ExpiresAt:
                await FailAsync(message, recipient, $"550 4.4.7 Message expired; last error: {transient.Reply}", cancellationToken);
                break;
            case DeliveryOutcome.Transient transient:
                await queue.CompleteAsync(message.Id, recipient.Address, RecipientStatus.Retry, now + options.RetryAfter(recipient.Attempts + 1), transient.Reply, cancellationToken);
                await TrackAsync(TrackingEvents.Defer, message, recipient, transient.Reply, cancellationToken);
                LogDeferred(logger, message.Id, recipient.Address, transient.Reply);
                await NoticeDelayAsync(message, recipient, transient.Reply, now, cancellationToken);
                break;
        }
    }

    /// <summary>One "delivery delayed" DSN per recipient once it has waited DelayNotificationTimeout; notify first, then record, like NDRs.</summary>
    private async Task NoticeDelayAsync(QueuedMessage message, QueuedRecipient recipient, string reply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recipient.DelayNotifiedAt is null && now - message.ReceivedAt >= options.DelayNotificationTimeout && Dsn.Requests(recipient.Notify, "DELAY"))
        {
            await failures.RecipientDelayedAsync(message, recipient, reply, cancellationToken);
            await queue.MarkDelayNotifiedAsync(message.Id, recipient.Address, now, cancellationToken);
        }
    }

    private async Task FailAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken)
    {
        // Notify before recording the failure: a crash in between repeats the NDR rather than losing it.
        await failures.RecipientFailedAsync(message, recipient, reply, cancellationToken);
        await queue.CompleteAsync(message.Id, recipient.Address, RecipientStatus.Failed, time.GetUtcNow(), reply, cancellationToken);
        LogFailed(logger, message.Id, recipient.Address, reply);
    }

    private Task TrackAsync(string eventId, QueuedMessage message, QueuedRecipient recipient, string status, CancellationToken cancellationToken)
    {
        tracking?.Record(new MessageTrackingEvent(
            time.GetUtcNow().UtcDateTime, eventId, NextHop.IsLocal(recipient.NextHop) ? "STOREDRIVER" : "SMTP", node, null, null, recipient.NextHop,
            message.ReversePath, [recipient.Address], status, message.MessageId, message.Id, message.Size, null));
        return Task.CompletedTask;
    }

    private async Task<DateTimeOffset?> SafeNextDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await queue.NextDueAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(logger, ex);
            return null;
        }
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.PollInterval ? options.PollInterval : wait;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Delivered {QueueId} to {Recipient}")]
    private static partial void LogDelivered(ILogger logger, string queueId, string recipient);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Deferred {QueueId} to {Recipient}: {Reply}")]
    private static partial void LogDeferred(ILogger logger, string queueId, string recipient, string reply);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Failed {QueueId} to {Recipient}: {Reply}")]
    private static partial void LogFailed(ILogger logger, string queueId, string recipient, string reply);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Delivery of {QueueId} to {Recipient} threw")]
    private static partial void LogAttemptFailed(ILogger logger, string queueId, string recipient, Exception exception);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error, Message = "A queue pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

/// <summary>Tells the sender that a recipient failed (an NDR), unless the sender is null.</summary>
public interface IFailureNotifier
{
    Task RecipientFailedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken);

    /// <summary>A recipient was delivered; the sender asked for a success DSN with NOTIFY=SUCCESS (RFC 3461).</summary>
    Task RecipientDeliveredAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A recipient is still waiting after DelayNotificationTimeout; the sender gets a "delayed" DSN (RFC 3464 action delayed).</summary>
    Task RecipientDelayedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Drops the queue's reference to a message body once the queue is done with it.</summary>
public interface IBlobReleaser
{
    Task ReleaseAsync(string blobId, CancellationToken cancellationToken);
}

using Mailroom.Transport.Queue;

namespace Mailroom.Transport.Delivery;

/// <summary>
/// Delivers a queued message to one recipient. Must be idempotent per (message, recipient): after a crash the
/// queue retries a delivery that may already have happened, and the recipient must still get it exactly once.
/// </summary>
public interface IRecipientDelivery
{
    bool Handles(QueuedRecipient recipient);

    Task<DeliveryOutcome> DeliverAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken);
}

/// <summary>
/// A delivery that is cheaper in batches: local delivery writes one mailbox's messages in one transaction instead
/// of one each. Returns one outcome per item, in order; like single deliveries, it must be idempotent.
/// </summary>
public interface IBatchRecipientDelivery : IRecipientDelivery
{
    Task<IReadOnlyList<DeliveryOutcome>> DeliverManyAsync(IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)> items, CancellationToken cancellationToken);
}

using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Sizes;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Routing;
using DirectoryMailbox = Mailroom.Directory.Model.Mailbox;

namespace Mailroom.Transport.Delivery;

/// <summary>
/// Delivers into a mailbox's Inbox through the mailbox store, sharing the queued body. The store's idempotency key
/// ("queue id/recipient") makes a repeated attempt after a crash a no-op, so each recipient gets the message once.
/// A mailbox at or over its ProhibitSendReceiveQuota refuses with Exchange's <c>554 5.2.2 mailbox full</c>.
/// </summary>
public sealed class LocalMailboxDelivery(IDirectoryStore directory, IMailboxStore mailboxes, Func<Guid, CancellationToken, Task>? afterDelivery = null) : IRecipientDelivery
{
    public bool Handles(QueuedRecipient recipient) => NextHop.IsLocal(recipient.NextHop) && recipient.MailboxId is not null;

    public async Task<DeliveryOutcome> DeliverAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        var mailboxId = recipient.MailboxId!.Value;
        var quota = await QuotaAsync(mailboxId, cancellationToken);
        if (quota is null)
        {
            return new DeliveryOutcome.Permanent("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found");
        }

        var usage = await mailboxes.GetUsageAsync(mailboxId, cancellationToken);
        if (!quota.Value.IsUnlimited && usage is not null && (ulong)usage.Size >= quota.Value.Value.Bytes)
        {
            return new DeliveryOutcome.Permanent("554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded");
        }

        var blob = BlobId.Parse(message.BlobId);
        IndexedHeaders headers;
        await using (var body = await mailboxes.Blobs.OpenReadAsync(blob, cancellationToken))
        {
            headers = await MessageIndexer.IndexAsync(body, cancellationToken);
        }

        var result = await mailboxes.DeliverAsync(mailboxId, new NewMessage(blob, message.ReceivedAt, headers) { IdempotencyKey = $"{message.Id}/{recipient.Address.ToLowerInvariant()}" }, cancellationToken);
        if (!result.AlreadyDelivered && afterDelivery is not null)
        {
            await afterDelivery(mailboxId, cancellationToken);
        }

        return DeliveryOutcome.Delivered;
    }

    /// <summary>The mailbox's send/receive limit (its own, or its database's); null when the mailbox no longer exists.</summary>
    private Task<QuotaSize?> QuotaAsync(Guid mailboxId, CancellationToken cancellationToken) =>
        directory.ReadAsync<QuotaSize?>(async reader =>
        {
            return await reader.GetAsync(mailboxId, cancellationToken) is DirectoryMailbox mailbox
                ? await RecipientResolver.EffectiveQuotaAsync(reader, mailbox, cancellationToken)
                : null;
        }, cancellationToken);
}

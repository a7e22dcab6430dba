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
public sealed class LocalMailboxDelivery(IDirectoryStore directory, IMailboxStore mailboxes, Func<Guid, CancellationToken, Task>? afterDelivery = null) : IBatchRecipientDelivery
{
    private static readonly DeliveryOutcome NotFound = new DeliveryOutcome.Permanent("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found");
    private static readonly DeliveryOutcome Full = new DeliveryOutcome.Permanent(
        "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded");

    private readonly DirectoryReadCache<Guid, QuotaSize?> quotas = new(directory);

    public bool Handles(QueuedRecipient recipient) => NextHop.IsLocal(recipient.NextHop) && recipient.MailboxId is not null;

    public async Task<DeliveryOutcome> DeliverAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        var mailboxId = recipient.MailboxId!.Value;
        if (await RefusalAsync(mailboxId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await mailboxes.DeliverAsync(mailboxId, await NewMessageAsync(message, recipient, cancellationToken), cancellationToken);
        if (!result.AlreadyDelivered && afterDelivery is not null)
        {
            await afterDelivery(mailboxId, cancellationToken);
        }

        return DeliveryOutcome.Delivered;
    }

    /// <summary>
    /// One mailbox's messages go into its Inbox in one transaction (the store's all-or-nothing multi-append, with each
    /// message's idempotency key), so a burst of mail costs one commit per mailbox rather than one per message. The
    /// quota is checked once per mailbox and batch. If a batch fails, its messages are tried one by one, so one bad
    /// message can't hold up the others.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverManyAsync(
        IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)> items, CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[items.Count];
        foreach (var mailbox in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Recipient.MailboxId!.Value))
        {
            var indexes = mailbox.ToList();
            try
            {
                var refused = await RefusalAsync(mailbox.Key, cancellationToken);
                if (refused is null)
                {
                    await DeliverToInboxAsync(mailbox.Key, indexes.Select(i => items[i]).ToList(), cancellationToken);
                }

                indexes.ForEach(i => outcomes[i] = refused ?? DeliveryOutcome.Delivered);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && indexes.Count > 1)
            {
                foreach (var i in indexes)
                {
                    outcomes[i] = await DeliverOrTransientAsync(items[i].Message, items[i].Recipient, cancellationToken);
                }
            }
        }

        return outcomes;
    }

    private async Task DeliverToInboxAsync(Guid mailboxId, IReadOnlyList<(QueuedMessage Message, QueuedRecipient Recipient)> items, CancellationToken cancellationToken)
    {
        var messages = new List<NewMessage>(items.Count);
        foreach (var (message, recipient) in items)
        {
            messages.Add(await NewMessageAsync(message, recipient, cancellationToken));
        }

        var inbox = await mailboxes.GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken);
        var fresh = false;
        if (inbox is null)
        {
            // First delivery creates the mailbox, as Exchange does.
            fresh = !(await mailboxes.DeliverAsync(mailboxId, messages[0], cancellationToken)).AlreadyDelivered;
            inbox = await mailboxes.GetDefaultFolderAsync(mailboxId, DefaultFolder.Inbox, cancellationToken) ?? throw new MailboxNotFoundException(mailboxId);
        }

        var results = await mailboxes.AppendManyAsync(inbox.Id, messages, cancellationToken);
        if ((fresh || results.Any(r => !r.AlreadyDelivered)) && afterDelivery is not null)
        {
            await afterDelivery(mailboxId, cancellationToken);
        }
    }

    private async Task<DeliveryOutcome> DeliverOrTransientAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverAsync(message, recipient, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DeliveryOutcome.Transient("451 4.3.0 " + ex.GetType().Name);
        }
    }

    /// <summary>Why the mailbox can't take mail now (gone, or at its ProhibitSendReceiveQuota), or null.</summary>
    private async Task<DeliveryOutcome?> RefusalAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var quota = await QuotaAsync(mailboxId, cancellationToken);
        if (quota is null)
        {
            return NotFound;
        }

        var usage = await mailboxes.GetUsageAsync(mailboxId, cancellationToken);
        return !quota.Value.IsUnlimited && usage is not null && (ulong)usage.Size >= quota.Value.Value.Bytes ? Full : null;
    }

    private async Task<NewMessage> NewMessageAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
    {
        var blob = BlobId.Parse(message.BlobId);
        IndexedHeaders headers;
        await using (var body = await mailboxes.Blobs.OpenReadAsync(blob, cancellationToken))
        {
            headers = await MessageIndexer.IndexAsync(body, cancellationToken);
        }

        return new NewMessage(blob, message.ReceivedAt, headers) { IdempotencyKey = $"{message.Id}/{recipient.Address.ToLowerInvariant()}" };
    }

    /// <summary>The mailbox's send/receive limit (its own, or its database's); null when the mailbox no longer exists.</summary>
    private Task<QuotaSize?> QuotaAsync(Guid mailboxId, CancellationToken cancellationToken) =>
        quotas.GetAsync(mailboxId, ReadQuotaAsync, cancellationToken);

    private Task<QuotaSize?> ReadQuotaAsync(Guid mailboxId, CancellationToken cancellationToken) =>
        directory.ReadAsync<QuotaSize?>(async reader =>
        {
            return await reader.GetAsync(mailboxId, cancellationToken) is DirectoryMailbox mailbox
                ? await RecipientResolver.EffectiveQuotaAsync(reader, mailbox, cancellationToken)
                : null;
        }, cancellationToken);
}

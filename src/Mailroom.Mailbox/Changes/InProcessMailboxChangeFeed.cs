using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Mailroom.Mailboxes.Changes;

/// <summary>
/// Fans changes out to subscribers in this process. Each subscriber has a small bounded channel that drops the oldest
/// hint when full: a slow IDLE session can never make a delivery wait, and the newest hint always survives.
/// </summary>
public sealed class InProcessMailboxChangeFeed : IMailboxChangeFeed
{
    private const int PerSubscriberCapacity = 64;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<MailboxChange>, byte>> subscribers = new();

    public void Publish(MailboxChange change)
    {
        if (subscribers.TryGetValue(change.MailboxId, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(change);
            }
        }
    }

    public MailboxSubscription Subscribe(Guid mailboxId)
    {
        var channel = Channel.CreateBounded<MailboxChange>(new BoundedChannelOptions(PerSubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var channels = subscribers.GetOrAdd(mailboxId, _ => new ConcurrentDictionary<Channel<MailboxChange>, byte>());
        channels[channel] = 0;
        return new MailboxSubscription(mailboxId, channel.Reader, () =>
        {
            channels.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }

    /// <summary>How many subscriptions are open for a mailbox (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid mailboxId) => subscribers.TryGetValue(mailboxId, out var channels) ? channels.Count : 0;
}

using System.Threading.Channels;

namespace Mailroom.Mailboxes.Changes;

/// <summary>
/// How sessions learn of changes made by other sessions and by transport. The in-process feed serves one node; an
/// array of nodes needs a feed that crosses processes — the seam for PostgreSQL LISTEN/NOTIFY: <see cref="Publish"/>
/// sends NOTIFY on a channel per mailbox (or one channel with the mailbox id as payload), and one LISTEN connection per
/// node fans notifications out to local subscribers. Stores call <see cref="Publish"/> only after their commit.
/// </summary>
public interface IMailboxChangeFeed
{
    void Publish(MailboxChange change);

    /// <summary>
    /// Starts receiving one mailbox's changes at once (not lazily), so a session that subscribes and then reads the
    /// folder's state cannot miss a change in between. Dispose to stop.
    /// </summary>
    MailboxSubscription Subscribe(Guid mailboxId);
}

/// <summary>One session's view of a mailbox's changes; read <see cref="Changes"/> (for IDLE, await WaitToReadAsync).</summary>
public sealed class MailboxSubscription(Guid mailboxId, ChannelReader<MailboxChange> changes, Action unsubscribe) : IDisposable
{
    private int disposed;

    public Guid MailboxId { get; } = mailboxId;

    public ChannelReader<MailboxChange> Changes { get; } = changes;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}

using Mailroom.Mailboxes.Changes;

namespace Mailroom.Mailboxes.Tests.Rules;

/// <summary>The in-process feed: per mailbox, bounded, newest hint kept, unsubscribing on dispose.</summary>
public class ChangeFeedTests
{
    [Fact]
    public void ASlowSubscriberKeepsTheNewestHints()
    {
        var feed = new InProcessMailboxChangeFeed();
        var mailbox = Guid.NewGuid();
        using var subscription = feed.Subscribe(mailbox);

        for (uint i = 1; i <= 1000; i++)
        {
            feed.Publish(new MailboxChange(mailbox, 1, MailboxChangeKind.MessagesAdded, i + 1, i));
        }

        var received = new List<MailboxChange>();
        while (subscription.Changes.TryRead(out var change))
        {
            received.Add(change);
        }

        Assert.InRange(received.Count, 1, 64);
        Assert.Equal(1000ul, received[^1].HighestModSeq);
    }

    [Fact]
    public void DisposingUnsubscribesAndOtherMailboxesAreNotHeard()
    {
        var feed = new InProcessMailboxChangeFeed();
        var mine = Guid.NewGuid();
        var subscription = feed.Subscribe(mine);
        feed.Publish(new MailboxChange(Guid.NewGuid(), 1, MailboxChangeKind.FlagsChanged, 1, 2));
        Assert.False(subscription.Changes.TryRead(out _));

        Assert.Equal(1, feed.SubscriberCount(mine));
        subscription.Dispose();
        subscription.Dispose();
        Assert.Equal(0, feed.SubscriberCount(mine));
        Assert.True(subscription.Changes.Completion.IsCompleted);
    }
}

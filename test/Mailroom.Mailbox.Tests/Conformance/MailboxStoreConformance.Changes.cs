using Mailroom.Mailboxes.Changes;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>Change hints for IDLE: published after each commit, only to the mailbox's subscribers.</summary>
public abstract partial class MailboxStoreConformance
{
    [Fact]
    public async Task SubscribersLearnOfNewFlaggedAndExpungedMessages()
    {
        var mailbox = await NewMailboxAsync();
        var other = await NewMailboxAsync();
        using var subscription = Store.Changes.Subscribe(mailbox);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await DeliverAsync(other, await ImportAsync("not for us"));
        var delivered = await DeliverAsync(mailbox, await ImportAsync("for us"));
        var added = await subscription.Changes.ReadAsync(timeout.Token);
        Assert.Equal((MailboxChangeKind.MessagesAdded, delivered.FolderId, 2u, delivered.ModSeq), (added.Kind, added.FolderId, added.UidNext, added.HighestModSeq));

        await Store.StoreFlagsAsync(delivered.FolderId, new FlagStoreRequest(UidRange.All, FlagChange.Add(MessageFlags.Deleted)));
        Assert.Equal(MailboxChangeKind.FlagsChanged, (await subscription.Changes.ReadAsync(timeout.Token)).Kind);

        var expunged = await Store.ExpungeAsync(delivered.FolderId, UidRange.All);
        var hint = await subscription.Changes.ReadAsync(timeout.Token);
        Assert.Equal((MailboxChangeKind.MessagesExpunged, expunged.HighestModSeq), (hint.Kind, hint.HighestModSeq));
        Assert.False(subscription.Changes.TryRead(out _));
    }

    [Fact]
    public async Task AFailedWritePublishesNothing()
    {
        var mailbox = await NewMailboxAsync();
        using var subscription = Store.Changes.Subscribe(mailbox);

        await Assert.ThrowsAsync<FolderOperationException>(() => Store.CreateFolderAsync(mailbox, "Inbox"));

        Assert.False(subscription.Changes.TryRead(out _));
    }
}

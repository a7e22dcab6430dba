using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>COPY and MOVE, and the size accounting quotas rely on.</summary>
public abstract partial class MailboxStoreConformance
{
    [Fact]
    public async Task CopySharesBodiesAndMoveExpungesTheSource()
    {
        var mailbox = await NewMailboxAsync();
        var messages = new List<StoredMessage>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await ImportAsync($"copy {i}"));
            await DeliverAsync(mailbox, messages[^1]);
        }

        var inbox = await InboxAsync(mailbox);
        var projects = await Store.CreateFolderAsync(mailbox, "Projects");
        var bodies = await CountStoredBodiesAsync();

        var copy = await Store.CopyAsync(inbox.Id, new UidRange(1, 2), projects.Id);
        Assert.Equal(projects.UidValidity, copy.TargetUidValidity);
        Assert.Equal([new UidMapping(1, 1), new UidMapping(2, 2)], copy.Mappings);
        Assert.Equal(2, (await Store.Blobs.GetInfoAsync(messages[0].Blob.Id))?.ReferenceCount);
        Assert.Equal(bodies, await CountStoredBodiesAsync());

        var move = await Store.MoveAsync(inbox.Id, UidRange.Single(3), projects.Id);
        Assert.Equal([new UidMapping(3, 3)], move.Mappings);
        Assert.Equal([1u, 2u], Uids(await FetchAllAsync(inbox.Id)));
        Assert.Equal([3u], (await Store.GetVanishedAsync(inbox.Id, inbox.HighestModSeq, UidRange.All)).Uids);
        Assert.Equal(1, (await Store.Blobs.GetInfoAsync(messages[2].Blob.Id))?.ReferenceCount);

        var moved = await FetchAllAsync(projects.Id, MessageFields.Headers);
        Assert.Equal([1u, 2u, 3u], Uids(moved));
        Assert.Equal("copy 2", moved[2].Headers?.Subject);

        var total = messages.Sum(m => m.Blob.Size);
        Assert.Equal(new MailboxUsage(mailbox, total + messages[0].Blob.Size + messages[1].Blob.Size, 5), await Store.GetUsageAsync(mailbox));
        Assert.Equal((2L, messages[0].Blob.Size + messages[1].Blob.Size), ((await InboxAsync(mailbox)).MessageCount, (await InboxAsync(mailbox)).Size));
    }

    [Fact]
    public async Task MailboxSizeIsTheSumOfItsMessagesThroughEveryOperation()
    {
        var mailbox = await NewMailboxAsync();
        var inbox = await InboxAsync(mailbox);
        var trash = await FolderAsync(mailbox, "Deleted Items");
        var folder = await Store.CreateFolderAsync(mailbox, "Scratch");
        for (var i = 0; i < 6; i++)
        {
            await DeliverAsync(mailbox, await ImportAsync($"size {i}", body: new string('x', 100 * i)));
        }

        await Store.CopyAsync(inbox.Id, new UidRange(1, 4), folder.Id);
        await Store.MoveAsync(inbox.Id, new UidRange(5, 6), trash.Id);
        await Store.StoreFlagsAsync(folder.Id, new FlagStoreRequest(UidRange.Single(2), FlagChange.Add(MessageFlags.Deleted)));
        await Store.ExpungeAsync(folder.Id, UidRange.All);
        await AssertUsageIsSumAsync(mailbox);

        await Store.DeleteFolderAsync(folder.Id);
        await AssertUsageIsSumAsync(mailbox);
    }

    private async Task AssertUsageIsSumAsync(Guid mailbox)
    {
        long size = 0, count = 0;
        foreach (var folder in await Store.ListFoldersAsync(mailbox))
        {
            var messages = await FetchAllAsync(folder.Id);
            Assert.Equal((messages.Count, messages.Sum(m => m.Size)), ((int)folder.MessageCount, folder.Size));
            size += folder.Size;
            count += folder.MessageCount;
        }

        Assert.Equal(new MailboxUsage(mailbox, size, count), await Store.GetUsageAsync(mailbox));
    }
}

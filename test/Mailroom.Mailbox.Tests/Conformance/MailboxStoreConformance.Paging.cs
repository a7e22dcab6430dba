using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>Big folders in bounded pages, and concurrent writers.</summary>
public abstract partial class MailboxStoreConformance
{
    [Fact]
    public async Task TenThousandMessagesAreReadInBoundedPages()
    {
        const int count = 10_000;
        var mailbox = await NewMailboxAsync();
        var inbox = await InboxAsync(mailbox);
        var body = await ImportAsync("bulk");
        for (var batch = 0; batch < count / 1000; batch++)
        {
            var messages = Enumerable.Range(0, 1000).Select(_ => NewMessage.From(body, Clock.GetUtcNow())).ToList();
            await Store.AppendManyAsync(inbox.Id, messages);
        }

        var pages = new List<int>();
        var uids = new List<uint>();
        for (uint? next = 1; next is { } from;)
        {
            var page = await Store.FetchAsync(inbox.Id, new FetchRequest(UidRange.From(from)) { Limit = 500 });
            pages.Add(page.Messages.Count);
            uids.AddRange(page.Messages.Select(m => m.Uid));
            next = page.NextUid;
        }

        Assert.All(pages, size => Assert.InRange(size, 1, 500));
        Assert.Equal(count / 500, pages.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (uint)i), uids);

        // Sequence numbers 2501:7500 in pages of 1000, with headers.
        var range = await Store.ResolveSequenceRangeAsync(inbox.Id, 2501, 7500);
        Assert.Equal(new UidRange(2501, 7500), range);
        var bySequence = new List<int>();
        for (uint? next = range!.Value.First; next is { } from;)
        {
            var page = await Store.FetchAsync(inbox.Id, new FetchRequest(new UidRange(from, range.Value.Last)) { Limit = 1000, Fields = MessageFields.Headers });
            bySequence.Add(page.Messages.Count);
            Assert.All(page.Messages, m => Assert.Equal("bulk", m.Headers?.Subject));
            next = page.NextUid;
        }

        Assert.Equal([1000, 1000, 1000, 1000, 1000], bySequence);

        // Flag every other message and expunge them, both a page at a time.
        var flagged = 0;
        for (uint? next = 1; next is { } from;)
        {
            var page = await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.From(from), FlagChange.Add(MessageFlags.Seen)) { Limit = 2000 });
            Assert.InRange(page.Updated.Count, 1, 2000);
            flagged += page.Updated.Count;
            next = page.NextUid;
        }

        Assert.Equal(count, flagged);
        var expunged = 0;
        foreach (var uid in Enumerable.Range(0, count / 1000).Select(i => (uint)(i * 1000 + 1)))
        {
            await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(new UidRange(uid, uid + 499), FlagChange.Add(MessageFlags.Deleted)));
        }

        for (uint? next = 1; next is { } from;)
        {
            var page = await Store.ExpungeAsync(inbox.Id, UidRange.From(from), limit: 1000);
            Assert.InRange(page.ExpungedUids.Count, 1, 1000);
            expunged += page.ExpungedUids.Count;
            next = page.NextUid;
        }

        Assert.Equal(count / 2, expunged);
        Assert.Equal(count / 2, (await InboxAsync(mailbox)).MessageCount);
        Assert.Equal(4501u, await Store.GetSequenceNumberAsync(inbox.Id, 9501));
        Assert.Equal(0u, await Store.GetSequenceNumberAsync(inbox.Id, 1));
        Assert.Equal((long)(count / 2), (await Store.Blobs.GetInfoAsync(body.Blob.Id))?.ReferenceCount);
        Assert.Null(await Store.ResolveSequenceRangeAsync(inbox.Id, 5001, 6000));
    }

    [Fact]
    public async Task ConcurrentDeliveriesToOneFolderGetDistinctUids()
    {
        const int writers = 40;
        var mailbox = await NewMailboxAsync();
        var messages = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => ImportAsync($"concurrent {i}")));

        var results = await Task.WhenAll(messages.Select(m => Task.Run(() => DeliverAsync(mailbox, m))));

        Assert.Equal(Enumerable.Range(1, writers).Select(i => (uint)i), results.Select(r => r.Uid).Order());
        Assert.Equal(writers, results.Select(r => r.ModSeq).Distinct().Count());
        var inbox = await InboxAsync(mailbox);
        Assert.Equal((writers + 1u, (long)writers), (inbox.UidNext, inbox.MessageCount));
        Assert.Equal(messages.Sum(m => m.Blob.Size), (await Store.GetUsageAsync(mailbox))?.Size);
    }

    [Fact]
    public async Task ConcurrentDeliveriesToManyMailboxesAllLand()
    {
        var mailboxes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NewMailboxAsync()));
        var message = await ImportAsync("fan-out");

        await Task.WhenAll(mailboxes.SelectMany(m => Enumerable.Range(0, 5).Select(i => Task.Run(() => DeliverAsync(m, message, key: $"q/{i}")))));

        Assert.All(await Task.WhenAll(mailboxes.Select(m => Store.GetUsageAsync(m))), u => Assert.Equal(5, u?.MessageCount));
        Assert.Equal(40, (await Store.Blobs.GetInfoAsync(message.Blob.Id))?.ReferenceCount);
    }

    [Fact]
    public async Task InitializingAgainKeepsTheData()
    {
        var mailbox = await NewMailboxAsync();
        await DeliverAsync(mailbox, await ImportAsync("kept"));
        await Store.InitializeAsync();
        Assert.Equal(1, (await Store.GetUsageAsync(mailbox))?.MessageCount);
    }
}

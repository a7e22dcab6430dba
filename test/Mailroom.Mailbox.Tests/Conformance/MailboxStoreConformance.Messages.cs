using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>UIDs, idempotent delivery, indexed headers, flags and MODSEQ, expunge and VANISHED.</summary>
public abstract partial class MailboxStoreConformance
{
    [Fact]
    public async Task UidsStrictlyIncreaseAndAreNeverReusedAfterExpunge()
    {
        var mailbox = await NewMailboxAsync();
        var uids = new List<uint>();
        for (var i = 0; i < 3; i++)
        {
            uids.Add((await DeliverAsync(mailbox, await ImportAsync($"m{i}"))).Uid);
        }

        Assert.Equal([1u, 2u, 3u], uids);
        var inbox = await InboxAsync(mailbox);
        await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(new UidRange(2, 3), FlagChange.Add(MessageFlags.Deleted)));
        await Store.ExpungeAsync(inbox.Id, UidRange.All);

        var next = await DeliverAsync(mailbox, await ImportAsync("after"));
        Assert.Equal(4u, next.Uid);
        Assert.Equal(inbox.UidValidity, next.UidValidity);
        Assert.Equal([1u, 4u], Uids(await FetchAllAsync(inbox.Id)));
        Assert.Equal(5u, (await InboxAsync(mailbox)).UidNext);
    }

    [Fact]
    public async Task ARetriedDeliveryWithTheSameKeyIsANoOpThatReturnsTheFirstUid()
    {
        var mailbox = await NewMailboxAsync();
        var message = await ImportAsync("once");
        var first = await DeliverAsync(mailbox, message, key: "queue-17/bob@contoso.com");
        var retry = await DeliverAsync(mailbox, message, key: "queue-17/bob@contoso.com");

        Assert.False(first.AlreadyDelivered);
        Assert.True(retry.AlreadyDelivered);
        Assert.Equal((first.FolderId, first.Uid, first.UidValidity), (retry.FolderId, retry.Uid, retry.UidValidity));
        Assert.Single(await FetchAllAsync(first.FolderId));
        Assert.Equal(new MailboxUsage(mailbox, message.Blob.Size, 1), await Store.GetUsageAsync(mailbox));
        Assert.Equal(1, (await Store.Blobs.GetInfoAsync(message.Blob.Id))?.ReferenceCount);

        // Still a no-op after the user moved the message away and emptied the folder.
        var archive = await FolderAsync(mailbox, "Archive");
        await Store.MoveAsync(first.FolderId, UidRange.All, archive.Id);
        Assert.True((await DeliverAsync(mailbox, message, key: "queue-17/bob@contoso.com")).AlreadyDelivered);
        Assert.Empty(await FetchAllAsync(first.FolderId));

        // Another recipient's key is another delivery.
        Assert.False((await DeliverAsync(mailbox, message, key: "queue-17/carol@contoso.com")).AlreadyDelivered);
    }

    [Fact]
    public async Task TheFirstDeliveryCreatesTheMailbox()
    {
        var mailbox = Guid.NewGuid();
        var delivered = await DeliverAsync(mailbox, await ImportAsync("welcome"));

        Assert.Equal((await InboxAsync(mailbox)).Id, delivered.FolderId);
        Assert.Equal(6, (await Store.ListFoldersAsync(mailbox)).Count);
        Assert.False(await Store.CreateMailboxAsync(mailbox));
    }

    [Fact]
    public async Task ForgottenDeliveryKeysNoLongerDeduplicate()
    {
        var mailbox = await NewMailboxAsync();
        var message = await ImportAsync("old");
        await DeliverAsync(mailbox, message, key: "k");
        Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await Store.ForgetDeliveriesAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2)));
        Assert.False((await DeliverAsync(mailbox, message, key: "k")).AlreadyDelivered);
        Assert.Equal(0, await Store.ForgetDeliveriesAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneDeliveryStoreItOnce()
    {
        var mailbox = await NewMailboxAsync();
        var message = await ImportAsync("raced");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DeliverAsync(mailbox, message, key: "k"))));

        Assert.Single(results.Select(r => r.Uid).Distinct());
        Assert.Single(results, r => !r.AlreadyDelivered);
        Assert.Equal(1, (await Store.GetUsageAsync(mailbox))?.MessageCount);
    }

    [Fact]
    public async Task ABatchAppendIsAllOrNothing()
    {
        var mailbox = await NewMailboxAsync();
        var drafts = await FolderAsync(mailbox, "Drafts");
        var good = await ImportAsync("good");
        var missing = BlobId.Parse(new string('0', BlobId.HexLength));

        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.AppendManyAsync(drafts.Id,
        [
            NewMessage.From(good, Clock.GetUtcNow()),
            new NewMessage(missing, Clock.GetUtcNow(), good.Headers),
        ]));

        Assert.Equal(drafts, await Store.GetFolderAsync(drafts.Id));
        Assert.Equal(0, (await Store.Blobs.GetInfoAsync(good.Blob.Id))?.ReferenceCount);
        var appended = await Store.AppendManyAsync(drafts.Id, [NewMessage.From(good, Clock.GetUtcNow()), NewMessage.From(good, Clock.GetUtcNow())]);
        Assert.Equal([1u, 2u], appended.Select(a => a.Uid));
    }

    [Fact]
    public async Task HeadersAreIndexedAtDeliveryAndFetchedWithoutTheBody()
    {
        var mailbox = await NewMailboxAsync();
        var delivered = await DeliverAsync(mailbox, await ImportAsync("Re: [team] Quarterly numbers"), flags: MessageFlags.Flagged);

        var summary = Assert.Single(await FetchAllAsync(delivered.FolderId));
        Assert.Null(summary.Headers);
        Assert.Equal(MessageFlags.Flagged, summary.Flags);
        Assert.Equal(Clock.GetUtcNow(), summary.InternalDate);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), summary.SentDate);

        var full = Assert.Single(await FetchAllAsync(delivered.FolderId, MessageFields.Headers));
        var headers = full.Headers!;
        Assert.Equal("Re: [team] Quarterly numbers", headers.Envelope.Subject);
        Assert.Equal("QUARTERLY NUMBERS", headers.SortSubject);
        Assert.Equal("ALICE", headers.SortFrom);
        var from = Assert.Single(headers.Envelope.From);
        Assert.Equal(("Alice Example", "alice", "contoso.com"), (from.Name, from.Mailbox, from.Host));
        Assert.Equal(headers.Envelope.From, headers.Envelope.Sender);
        Assert.EndsWith("@contoso.com", headers.MessageId);

        await using var body = await Store.Blobs.OpenReadAsync(full.BlobId);
        Assert.Equal(full.Size, body.Length);
    }

    [Fact]
    public async Task StoringFlagsBumpsModSeqAndHonoursUnchangedSince()
    {
        var mailbox = await NewMailboxAsync();
        for (var i = 0; i < 3; i++)
        {
            await DeliverAsync(mailbox, await ImportAsync($"flag {i}"));
        }

        var inbox = await InboxAsync(mailbox);
        var before = await FetchAllAsync(inbox.Id);
        Assert.All(before, m => Assert.True(m.ModSeq <= inbox.HighestModSeq));

        var seen = await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(new UidRange(1, 2), FlagChange.Add(MessageFlags.Seen, "$Forwarded")));
        Assert.True(seen.HighestModSeq > inbox.HighestModSeq);
        Assert.All(seen.Updated, u => Assert.Equal((true, seen.HighestModSeq, MessageFlags.Seen), (u.Changed, u.ModSeq, u.Flags)));
        Assert.Equal(seen.HighestModSeq, (await InboxAsync(mailbox)).HighestModSeq);

        // Asking for what a message already has changes nothing, MODSEQ included.
        var again = await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.Single(1), FlagChange.Add(MessageFlags.Seen)));
        Assert.False(Assert.Single(again.Updated).Changed);
        Assert.Equal(seen.HighestModSeq, again.HighestModSeq);

        // RFC 7162: messages changed after UNCHANGEDSINCE are left alone and reported as modified.
        var conditional = await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.All, FlagChange.Add(MessageFlags.Answered))
        {
            UnchangedSince = before[2].ModSeq,
        });
        Assert.Equal([1u, 2u], conditional.Modified);
        Assert.Equal(3u, Assert.Single(conditional.Updated).Uid);

        var changed = await FetchAllAsync(inbox.Id, changedSince: seen.HighestModSeq);
        Assert.Equal([3u], Uids(changed));
        Assert.Equal(["$Forwarded"], (await FetchAllAsync(inbox.Id))[0].Keywords);
        Assert.Equal(["$Forwarded"], await Store.ListKeywordsAsync(inbox.Id));

        var replaced = await Store.StoreFlagsAsync(inbox.Id, new FlagStoreRequest(UidRange.Single(1), FlagChange.Replace(MessageFlags.Draft, "Project-X", "project-x")));
        Assert.Equal(MessageFlags.Draft, replaced.Updated[0].Flags);
        Assert.Equal(["Project-X"], replaced.Updated[0].Keywords);
        var status = await Store.GetFolderStatusAsync(inbox.Id);
        Assert.Equal((2L, 1u), (status.UnseenCount, status.FirstUnseenUid!.Value));
    }

    [Fact]
    public async Task ExpungeRemovesDeletedMessagesAndRecordsThemForVanished()
    {
        var mailbox = await NewMailboxAsync();
        for (var i = 0; i < 5; i++)
        {
            await DeliverAsync(mailbox, await ImportAsync($"expunge {i}"), flags: i % 2 == 1 ? MessageFlags.Deleted : MessageFlags.None);
        }

        var kept = (await FetchAllAsync((await InboxAsync(mailbox)).Id)).Where(m => !m.Flags.HasFlag(MessageFlags.Deleted)).Sum(m => m.Size);
        var inbox = await InboxAsync(mailbox);
        var result = await Store.ExpungeAsync(inbox.Id, UidRange.All);

        Assert.Equal([2u, 4u], result.ExpungedUids);
        Assert.True(result.HighestModSeq > inbox.HighestModSeq);
        Assert.Null(result.NextUid);
        Assert.Equal([1u, 3u, 5u], Uids(await FetchAllAsync(inbox.Id)));
        Assert.Equal([2u, 4u], (await Store.GetVanishedAsync(inbox.Id, inbox.HighestModSeq, UidRange.All)).Uids);
        Assert.Empty((await Store.GetVanishedAsync(inbox.Id, result.HighestModSeq, UidRange.All)).Uids);
        Assert.Equal([4u], (await Store.GetVanishedAsync(inbox.Id, 0, new UidRange(3, 5))).Uids);
        Assert.Empty((await Store.ExpungeAsync(inbox.Id, UidRange.All)).ExpungedUids);

        var after = await InboxAsync(mailbox);
        Assert.Equal((3L, kept), (after.MessageCount, after.Size));
        Assert.Equal(after.Size, (await Store.GetUsageAsync(mailbox))?.Size);
    }
}

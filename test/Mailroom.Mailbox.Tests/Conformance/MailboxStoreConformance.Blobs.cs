using System.Security.Cryptography;
using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>Bodies: content addressing, sharing, streaming, and the sweep after the last reference goes.</summary>
public abstract partial class MailboxStoreConformance
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Fact]
    public async Task OneMessageForTwoRecipientsIsStoredOnce()
    {
        var alice = await NewMailboxAsync();
        var bob = await NewMailboxAsync();
        var bytes = Support.TestMessages.Build("to both");
        var message = await MessageImport.ImportAsync(Store.Blobs, new MemoryStream(bytes));

        await DeliverAsync(alice, message);
        await DeliverAsync(bob, message);
        var putAgain = await Store.Blobs.PutAsync(new MemoryStream(bytes));

        Assert.Equal(message.Blob.Id, putAgain.Id);
        Assert.Equal(2, putAgain.ReferenceCount);
        Assert.Equal(1, await CountStoredBodiesAsync());
        Assert.Equal(message.Blob.Size, (await Store.GetUsageAsync(bob))?.Size);
    }

    [Fact]
    public async Task ABodyStreamsInAndOutUnchangedAndIsNamedByItsHash()
    {
        var content = new byte[1_500_000];
        new Random(42).NextBytes(content);

        var info = await Store.Blobs.PutAsync(new MemoryStream(content));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), info.Id.Hex);
        Assert.Equal((content.Length, 0L), (info.Size, info.ReferenceCount));
        await using var read = await Store.Blobs.OpenReadAsync(info.Id);
        Assert.Equal(content.Length, read.Length);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());

        // Partial fetches (BODY[]<start.length>) seek.
        read.Seek(700_000, SeekOrigin.Begin);
        var slice = new byte[300_000];
        await read.ReadExactlyAsync(slice);
        Assert.Equal(content.AsSpan(700_000, 300_000).ToArray(), slice);

        var empty = await Store.Blobs.PutAsync(new MemoryStream());
        Assert.Equal(0, empty.Size);
        await using var none = await Store.Blobs.OpenReadAsync(empty.Id);
        Assert.Equal(-1, none.ReadByte());
    }

    [Fact]
    public async Task DeliveringAnUnknownBodyFails()
    {
        var mailbox = await NewMailboxAsync();
        var message = await ImportAsync("real");
        var unknown = BlobId.Parse(new string('a', BlobId.HexLength));

        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() =>
            Store.DeliverAsync(mailbox, new Model.NewMessage(unknown, Clock.GetUtcNow(), message.Headers)));
        Assert.Equal(unknown, error.Id);
        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.Blobs.OpenReadAsync(unknown));
        Assert.Null(await Store.Blobs.GetInfoAsync(unknown));
    }

    [Fact]
    public async Task AFreshUnreferencedBodySurvivesTheSweepUntilItsGracePeriodEnds()
    {
        var info = await Store.Blobs.PutAsync(new MemoryStream("waiting for delivery"u8.ToArray()));

        Assert.Equal(0, await Store.Blobs.SweepAsync(Grace));
        Assert.NotNull(await Store.Blobs.GetInfoAsync(info.Id));

        Clock.Advance(Grace + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Store.Blobs.SweepAsync(Grace));
        Assert.Null(await Store.Blobs.GetInfoAsync(info.Id));
        Assert.Equal(0, await CountStoredBodiesAsync());
    }

    [Fact]
    public async Task DeletingAMailboxFreesTheBodiesNobodyElseUses()
    {
        var alice = await NewMailboxAsync();
        var bob = await NewMailboxAsync();
        var shared = await ImportAsync("shared");
        var own = await ImportAsync("alice only");
        await DeliverAsync(alice, shared);
        await DeliverAsync(alice, own);
        await DeliverAsync(bob, shared);
        await Store.CopyAsync((await InboxAsync(alice)).Id, Model.UidRange.All, (await FolderAsync(alice, "Archive")).Id);

        await Store.DeleteMailboxAsync(alice);
        Assert.Null(await Store.GetUsageAsync(alice));
        Assert.Empty(await Store.ListFoldersAsync(alice));
        Assert.Equal(0, (await Store.Blobs.GetInfoAsync(own.Blob.Id))?.ReferenceCount);
        Assert.Equal(1, (await Store.Blobs.GetInfoAsync(shared.Blob.Id))?.ReferenceCount);

        Clock.Advance(Grace + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Store.Blobs.SweepAsync(Grace));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.Blobs.OpenReadAsync(own.Blob.Id));
        await using (var stillThere = await Store.Blobs.OpenReadAsync(shared.Blob.Id))
        {
            Assert.Equal(shared.Blob.Size, stillThere.Length);
        }

        await Store.DeleteMailboxAsync(bob);
        await Store.DeleteMailboxAsync(bob); // twice is fine
        Assert.Equal(1, await Store.Blobs.SweepAsync(Grace));
        Assert.Equal(0, await CountStoredBodiesAsync());
    }

    [Fact]
    public async Task PuttingASweptBodyAgainStoresItAgain()
    {
        var bytes = "comes back"u8.ToArray();
        var first = await Store.Blobs.PutAsync(new MemoryStream(bytes));
        Clock.Advance(Grace * 2);
        await Store.Blobs.SweepAsync(Grace);

        var second = await Store.Blobs.PutAsync(new MemoryStream(bytes));

        Assert.Equal(first.Id, second.Id);
        await using var read = await Store.Blobs.OpenReadAsync(second.Id);
        Assert.Equal(bytes.Length, read.Length);
    }
}

using System.Buffers;
using System.Net;
using System.Text;
using Mailroom.Addressing;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Management;
using Mailroom.Mailboxes.Model;
using Mailroom.Storage.Sqlite;
using Mailroom.Storage.Sqlite.Queue;
using Mailroom.Transport.Acceptance;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Routing;
using Mailroom.Transport.Tracking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailroom.Transport.Tests.Acceptance;

/// <summary>Accept → durable queue → local delivery into the real SQLite mailbox store, exactly once.</summary>
public sealed class AcceptanceToMailboxTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-accept-" + Guid.NewGuid().ToString("N"));
    private SqliteDirectoryStore directory = null!;
    private SqliteMailboxStore mailboxes = null!;
    private SqliteQueueStore queue = null!;
    private QueueProcessor processor = null!;
    private MessageAcceptance acceptance = null!;
    private LocalMailboxDelivery local = null!;
    private AdoMessageTrackingLog tracking = null!;

    public async Task InitializeAsync()
    {
        directory = new SqliteDirectoryStore(Path.Combine(folder, "node.db"));
        await directory.InitializeAsync();
        await new OrganizationBootstrapper(directory, TimeProvider.System)
            .EnsureAsync(new NodeIdentity("First Organization", "contoso.com", "EX1", "ex1.contoso.com", "Default-First-Site-Name", "test"), "Passw0rd!Admin");
        var service = new ManagementService(directory, CommandCatalog.CreateDefault(), TimeProvider.System, "ex1.contoso.com");
        var admin = new Caller(Guid.NewGuid(), "admin", true, true);
        await service.InvokeAsync("New-Mailbox", CommandParameters.From(new { Name = "Alice", Password = "Passw0rd!x" }), admin, default);
        await service.InvokeAsync("New-Mailbox", CommandParameters.From(new { Name = "Bob", Password = "Passw0rd!x" }), admin, default);
        mailboxes = new SqliteMailboxStore(folder);
        await mailboxes.InitializeAsync();
        queue = new SqliteQueueStore(directory);
        tracking = new AdoMessageTrackingLog(directory.OpenAsync, directory.BeginWriteAsync, directory.EndWrite);
        local = new LocalMailboxDelivery(directory, mailboxes);
        var options = new TransportOptions();
        processor = new QueueProcessor(queue, [local], new NoFailures(), new NoRelease(), options, TimeProvider.System, "EX1", NullLogger<QueueProcessor>.Instance);
        acceptance = new MessageAcceptance(queue, new BlobMessageBodies(mailboxes.Blobs), tracking, processor, options, TimeProvider.System, "EX1", "ex1.contoso.com");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnAcceptedMessageReachesEveryInboxOnceWithTraceFields()
    {
        var resolver = new RecipientResolver(directory);
        var recipients = new List<AcceptedRecipient>();
        foreach (var address in new[] { "alice@contoso.com", "bob@contoso.com" })
        {
            recipients.Add(new AcceptedRecipient(address, await resolver.ResolveAsync(SmtpAddress.Parse(address))));
        }

        await using var incoming = acceptance.Begin(new IncomingEnvelope("sender@example.org", recipients, "client.example", IPAddress.Loopback, true, false, null, "Default Frontend EX1"), default);
        var body = Encoding.ASCII.GetBytes("Subject: Hello\r\nFrom: sender@example.org\r\n\r\n" + string.Concat(Enumerable.Repeat("line of body text\r\n", 5000)));
        for (var i = 0; i < body.Length; i += 4096)
        {
            await incoming.WriteAsync(new ReadOnlySequence<byte>(body.AsMemory(i, Math.Min(4096, body.Length - i))), default);
        }

        var result = await incoming.CommitAsync(default);
        Assert.True(result.Accepted);
        Assert.StartsWith("250 2.6.0 <", result.Reply);
        Assert.Single(await queue.ListMessagesAsync());

        Assert.Equal(2, await processor.ProcessDueAsync(default));
        Assert.Empty(await queue.ListMessagesAsync());

        foreach (var name in new[] { "Alice", "Bob" })
        {
            var id = (await directory.ReadAsync(r => r.FindByKeyAsync(Mailroom.Directory.Model.DirectoryKey.Name("Mailbox", name))))!.Value;
            var inbox = (await mailboxes.GetDefaultFolderAsync(id, DefaultFolder.Inbox))!;
            var message = Assert.Single((await mailboxes.FetchAsync(inbox.Id, new FetchRequest(UidRange.All))).Messages);
            await using var stored = await mailboxes.Blobs.OpenReadAsync(message.BlobId);
            var text = await new StreamReader(stored).ReadToEndAsync();
            Assert.StartsWith("Return-Path: <sender@example.org>\r\nReceived: from client.example ([127.0.0.1])", text);
            Assert.EndsWith(Encoding.ASCII.GetString(body), text);
        }

        // The RECEIVE event is written behind the 250; wait for it, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var events = await tracking.SearchAsync(new TrackingQuery(EventId: TrackingEvents.Receive));
        while (events.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            events = await tracking.SearchAsync(new TrackingQuery(EventId: TrackingEvents.Receive));
        }

        Assert.Equal(["alice@contoso.com", "bob@contoso.com"], Assert.Single(events).Recipients);
    }

    [Fact]
    public async Task ARepeatedDeliveryAfterACrashAddsNothing()
    {
        var alice = await new RecipientResolver(directory).ResolveAsync(SmtpAddress.Parse("alice@contoso.com"));
        await using var incoming = acceptance.Begin(new IncomingEnvelope("", [new AcceptedRecipient("alice@contoso.com", alice)], "h", IPAddress.Loopback, true, false, null, "test"), default);
        await incoming.WriteAsync(new ReadOnlySequence<byte>("Subject: once\r\n\r\nbody\r\n"u8.ToArray()), default);
        await incoming.CommitAsync(default);
        var leased = await queue.LeaseDueAsync("EX1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), 10);
        var (message, recipient) = Assert.Single(leased);

        // The node "crashed" after delivering but before recording it: the queue hands the same work out again.
        Assert.Equal(DeliveryOutcome.Delivered, await local.DeliverAsync(message, recipient, default));
        Assert.Equal(DeliveryOutcome.Delivered, await local.DeliverAsync(message, recipient, default));

        var usage = await mailboxes.GetUsageAsync(((RecipientResolution.LocalMailbox)alice).MailboxId);
        Assert.Equal(1, usage!.MessageCount);
    }

    [Fact]
    public async Task AMessageThatLoopedTooOftenIsRefused()
    {
        var alice = await new RecipientResolver(directory).ResolveAsync(SmtpAddress.Parse("alice@contoso.com"));
        await using var incoming = acceptance.Begin(new IncomingEnvelope("x@example.org", [new AcceptedRecipient("alice@contoso.com", alice)], "h", IPAddress.Loopback, true, false, null, "test"), default);
        await incoming.WriteAsync(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Received: from x by y; date\r\n", 31)) + "\r\nbody\r\n")), default);
        var result = await incoming.CommitAsync(default);
        Assert.False(result.Accepted);
        Assert.StartsWith("554 5.4.14", result.Reply);
        Assert.Empty(await queue.ListMessagesAsync());
    }

    [Fact]
    public async Task MessagesForOneMailboxInOnePassCommitTogetherAndExactlyOnce()
    {
        await mailboxes.CreateMailboxAsync(await AliceIdAsync());
        for (var i = 0; i < 5; i++)
        {
            await AcceptAsync("alice@contoso.com", $"Subject: burst {i}\r\n\r\nbody {i}\r\n");
        }

        var leased = await queue.LeaseDueAsync("EX1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), 10);
        Assert.Equal(5, leased.Count);
        Assert.All(await local.DeliverManyAsync(leased, default), o => Assert.Equal(DeliveryOutcome.Delivered, o));

        // A crash before the outcomes were recorded hands the same batch out again: nothing is added twice.
        Assert.All(await local.DeliverManyAsync(leased, default), o => Assert.Equal(DeliveryOutcome.Delivered, o));

        var messages = (await mailboxes.FetchAsync(await AliceInboxAsync(), new FetchRequest(UidRange.All))).Messages;
        Assert.Equal(5, messages.Count);
        Assert.Single(messages.Select(m => m.ModSeq).Distinct()); // one transaction
        Assert.Equal(Enumerable.Range((int)messages[0].Uid, 5).Select(u => (uint)u), messages.Select(m => m.Uid));
    }

    [Fact]
    public async Task ABatchWithAMissingBodyStillDeliversTheOthers()
    {
        for (var i = 0; i < 3; i++)
        {
            await AcceptAsync("alice@contoso.com", $"Subject: part {i}\r\n\r\nbody {i}\r\n");
        }

        var leased = (await queue.LeaseDueAsync("EX1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), 10)).ToList();
        leased[1] = (leased[1].Message with { BlobId = new string('0', 64) }, leased[1].Recipient);

        var outcomes = await local.DeliverManyAsync(leased, default);

        Assert.Equal(DeliveryOutcome.Delivered, outcomes[0]);
        Assert.IsType<DeliveryOutcome.Transient>(outcomes[1]);
        Assert.Equal(DeliveryOutcome.Delivered, outcomes[2]);
        Assert.Equal(2, (await mailboxes.FetchAsync(await AliceInboxAsync(), new FetchRequest(UidRange.All))).Messages.Count);
    }

    private async Task AcceptAsync(string address, string message)
    {
        var resolution = await new RecipientResolver(directory).ResolveAsync(SmtpAddress.Parse(address));
        await using var incoming = acceptance.Begin(new IncomingEnvelope("x@example.org", [new AcceptedRecipient(address, resolution)], "h", IPAddress.Loopback, true, false, null, "test"), default);
        await incoming.WriteAsync(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(message)), default);
        Assert.True((await incoming.CommitAsync(default)).Accepted);
    }

    private async Task<Guid> AliceIdAsync() =>
        (await directory.ReadAsync(r => r.FindByKeyAsync(Mailroom.Directory.Model.DirectoryKey.Name("Mailbox", "Alice"))))!.Value;

    private async Task<long> AliceInboxAsync() => (await mailboxes.GetDefaultFolderAsync(await AliceIdAsync(), DefaultFolder.Inbox))!.Id;

    private sealed class NoFailures : IFailureNotifier
    {
        public Task RecipientFailedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No recipient should fail here: " + reply);
    }

    private sealed class NoRelease : IBlobReleaser
    {
        public Task ReleaseAsync(string blobId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Mailroom.Storage.Sqlite;
using Mailroom.Storage.Sqlite.Queue;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mailroom.Transport.Tests.Queue;

/// <summary>The queue on SQLite worked by the processor with scripted deliveries and a fake clock.</summary>
public sealed class QueueProcessorTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-queue-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
    private readonly ScriptedDelivery delivery = new();
    private readonly RecordingNotifier notifier = new();
    private readonly RecordingReleaser releaser = new();
    private readonly TransportOptions options = new();
    private SqliteQueueStore queue = null!;
    private QueueProcessor processor = null!;

    public async Task InitializeAsync()
    {
        var database = new SqliteDirectoryStore(Path.Combine(folder, "node.db"));
        await database.InitializeAsync();
        queue = new SqliteQueueStore(database);
        processor = new QueueProcessor(queue, [delivery], notifier, releaser, options, time, "EX1", NullLogger<QueueProcessor>.Instance);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ADeliveredMessageLeavesTheQueueAndReleasesItsBody()
    {
        await EnqueueAsync("Q1", "alice@contoso.com", "bob@contoso.com");
        Assert.Equal(2, await processor.ProcessDueAsync(default));

        Assert.Equal(["Q1:alice@contoso.com", "Q1:bob@contoso.com"], delivery.Attempts.Order());
        Assert.Empty(await queue.ListMessagesAsync());
        Assert.Equal(["blob-Q1"], releaser.Released);
    }

    [Fact]
    public async Task ATransientFailureIsRetriedAfterTheBackOffAndNotBefore()
    {
        delivery.Script("alice@contoso.com", new DeliveryOutcome.Transient("451 4.3.0 busy"), DeliveryOutcome.Delivered);
        await EnqueueAsync("Q2", "alice@contoso.com");
        await processor.ProcessDueAsync(default);

        var recipient = Assert.Single(await queue.ListRecipientsAsync("Q2"));
        Assert.Equal(RecipientStatus.Retry, recipient.Status);
        Assert.Equal("451 4.3.0 busy", recipient.LastError);
        Assert.Equal(time.GetUtcNow() + options.RetryIntervals[0], recipient.NextAttemptAt);

        Assert.Equal(0, await processor.ProcessDueAsync(default));
        time.Advance(options.RetryIntervals[0]);
        Assert.Equal(1, await processor.ProcessDueAsync(default));
        Assert.Empty(await queue.ListMessagesAsync());
        Assert.Empty(notifier.Failures);
    }

    [Fact]
    public async Task APermanentFailureNotifiesTheSenderOnce()
    {
        delivery.Script("alice@contoso.com", new DeliveryOutcome.Permanent("554 5.2.2 mailbox full"));
        await EnqueueAsync("Q3", "alice@contoso.com");
        await processor.ProcessDueAsync(default);
        await processor.ProcessDueAsync(default);

        Assert.Equal(["Q3:alice@contoso.com:554 5.2.2 mailbox full"], notifier.Failures);
        Assert.Empty(await queue.ListMessagesAsync());
    }

    [Fact]
    public async Task AMessageThatKeepsFailingExpiresWithAnNdr()
    {
        delivery.Script("alice@contoso.com", Enumerable.Repeat<DeliveryOutcome>(new DeliveryOutcome.Transient("421 4.4.2 timeout"), 1000).ToArray());
        await EnqueueAsync("Q4", "alice@contoso.com");
        for (var i = 0; i < 400 && notifier.Failures.Count == 0; i++)
        {
            await processor.ProcessDueAsync(default);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        var failure = Assert.Single(notifier.Failures);
        Assert.StartsWith("Q4:alice@contoso.com:550 4.4.7 Message expired", failure);
        Assert.True(time.GetUtcNow() - new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero) >= options.MessageExpirationTimeout);
    }

    [Fact]
    public async Task ALeasedRecipientIsNotGivenToAnotherNodeUntilTheLeaseExpires()
    {
        await EnqueueAsync("Q5", "alice@contoso.com");
        var now = time.GetUtcNow();
        Assert.Single(await queue.LeaseDueAsync("EX1", now, now.AddMinutes(5), 10));
        Assert.Empty(await queue.LeaseDueAsync("EX2", now, now.AddMinutes(5), 10));
        Assert.Single(await queue.LeaseDueAsync("EX2", now.AddMinutes(6), now.AddMinutes(11), 10));
    }

    [Fact]
    public async Task ARestartedNodeTakesBackTheLeasesItsOldProcessHeld()
    {
        await EnqueueAsync("Q6", "alice@contoso.com");
        var now = time.GetUtcNow();
        Assert.Single(await queue.LeaseDueAsync("EX1", now, now.AddMinutes(5), 10));
        Assert.Equal(0, await processor.ProcessDueAsync(default));

        Assert.Equal(1, await queue.ReleaseLeasesAsync("EX1"));
        Assert.Equal(1, await processor.ProcessDueAsync(default));
        Assert.Empty(await queue.ListMessagesAsync());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("DELAY,FAILURE", true)]
    [InlineData("FAILURE", false)]
    [InlineData("NEVER", false)]
    public async Task ARecipientStillWaitingAfterTheDelayTimeoutGetsOneDelayNotice(string? notify, bool expected)
    {
        delivery.Script("alice@contoso.com", Enumerable.Repeat<DeliveryOutcome>(new DeliveryOutcome.Transient("451 4.4.1 remote busy"), 60).ToArray());
        await EnqueueWithNotifyAsync("Q9", notify, "alice@contoso.com");

        // Retry every 10 minutes for 6 hours: the 4-hour mark passes once.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(6); elapsed += options.RetryIntervals[^1])
        {
            await processor.ProcessDueAsync(default);
            time.Advance(options.RetryIntervals[^1]);
        }

        Assert.Equal(expected ? ["Q9:alice@contoso.com:451 4.4.1 remote busy"] : [], notifier.Delays);
        Assert.Equal(expected, (await queue.ListRecipientsAsync("Q9"))[0].DelayNotifiedAt is not null);
        Assert.Empty(notifier.Failures);
    }

    private Task EnqueueAsync(string id, params string[] recipients) => EnqueueWithNotifyAsync(id, null, recipients);

    private Task EnqueueWithNotifyAsync(string id, string? notify, params string[] recipients)
    {
        var now = time.GetUtcNow();
        var message = new QueuedMessage(id, "blob-" + id, 100, 30, "sender@example.org", "<m@example.org>", null, null, now, now + options.MessageExpirationTimeout, "Default Frontend EX1", "192.0.2.1", null, "EX1");
        return queue.EnqueueAsync(message, recipients.Select(r => new QueuedRecipient(id, r, Guid.NewGuid(), NextHop.Mailbox("DB1"), RecipientStatus.Ready, 0, now, null, notify, null)).ToList());
    }

    private sealed class ScriptedDelivery : IRecipientDelivery
    {
        private readonly Dictionary<string, Queue<DeliveryOutcome>> scripts = new();

        public List<string> Attempts { get; } = [];

        public void Script(string recipient, params DeliveryOutcome[] outcomes) => scripts[recipient] = new Queue<DeliveryOutcome>(outcomes);

        public bool Handles(QueuedRecipient recipient) => NextHop.IsLocal(recipient.NextHop);

        public Task<DeliveryOutcome> DeliverAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken)
        {
            lock (Attempts)
            {
                Attempts.Add(message.Id + ":" + recipient.Address);
                return Task.FromResult(scripts.TryGetValue(recipient.Address, out var q) && q.Count > 0 ? q.Dequeue() : DeliveryOutcome.Delivered);
            }
        }
    }

    private sealed class RecordingNotifier : IFailureNotifier
    {
        public List<string> Failures { get; } = [];

        public List<string> Delays { get; } = [];

        public Task RecipientDelayedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken)
        {
            lock (Delays)
            {
                Delays.Add($"{message.Id}:{recipient.Address}:{reply}");
            }

            return Task.CompletedTask;
        }

        public Task RecipientFailedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken)
        {
            lock (Failures)
            {
                Failures.Add($"{message.Id}:{recipient.Address}:{reply}");
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RecordingReleaser : IBlobReleaser
    {
        public List<string> Released { get; } = [];

        public Task ReleaseAsync(string blobId, CancellationToken cancellationToken)
        {
            Released.Add(blobId);
            return Task.CompletedTask;
        }
    }
}

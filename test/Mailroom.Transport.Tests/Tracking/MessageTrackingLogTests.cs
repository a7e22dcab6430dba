using Mailroom.Directory.Management;
using Mailroom.Storage.Sqlite;
using Mailroom.Transport.Management;
using Mailroom.Transport.Tracking;
using Microsoft.Data.Sqlite;

namespace Mailroom.Transport.Tests.Tracking;

public sealed class MessageTrackingLogTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-tracking-" + Guid.NewGuid().ToString("N"));
    private AdoMessageTrackingLog log = null!;

    public async Task InitializeAsync()
    {
        var database = new SqliteDirectoryStore(Path.Combine(folder, "node.db"));
        await database.InitializeAsync();
        log = new AdoMessageTrackingLog(database.OpenAsync, database.BeginWriteAsync, database.EndWrite);
        await log.WriteAsync(Event(T0, TrackingEvents.Receive, "<m1@x>", "Sender@example.org", "alice@contoso.com", "bob@contoso.com"));
        await log.WriteAsync(Event(T0.AddSeconds(1), TrackingEvents.Deliver, "<m1@x>", "sender@example.org", "alice@contoso.com"));
        await log.WriteAsync(Event(T0.AddSeconds(2), TrackingEvents.Fail, "<m1@x>", "sender@example.org", "bob@contoso.com"));
        await log.WriteAsync(Event(T0.AddHours(1), TrackingEvents.Receive, "<m2@x>", "other@example.org", "alice@contoso.com"));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EventsOfAMessageComeBackInOrder()
    {
        var events = await log.SearchAsync(new TrackingQuery(MessageId: "<m1@x>"));
        Assert.Equal([TrackingEvents.Receive, TrackingEvents.Deliver, TrackingEvents.Fail], events.Select(e => e.EventId));
        Assert.Equal(["alice@contoso.com", "bob@contoso.com"], events[0].Recipients);
        Assert.Equal(T0, events[0].Timestamp);
    }

    [Fact]
    public async Task CriteriaCombine()
    {
        Assert.Single(await log.SearchAsync(new TrackingQuery(Recipients: ["BOB@contoso.com"], EventId: "fail")));
        Assert.Equal(2, (await log.SearchAsync(new TrackingQuery(Recipients: ["alice@contoso.com"], EventId: TrackingEvents.Receive))).Count);
        Assert.Single(await log.SearchAsync(new TrackingQuery(Sender: "other@example.org")));
        Assert.Equal(3, (await log.SearchAsync(new TrackingQuery(Start: T0, End: T0.AddMinutes(1)))).Count);
        Assert.Empty(await log.SearchAsync(new TrackingQuery(Recipients: ["ali@contoso.com"])));
    }

    [Fact]
    public async Task TheCmdletRefusesAnUnknownEventId()
    {
        var command = new GetMessageTrackingLogCommand(log);
        var error = await Assert.ThrowsAsync<ManagementException>(() => command.ExecuteAsync(null!, CommandParameters.From(new { EventId = "EXPLODE" }), default));
        Assert.Equal("InvalidArgument", error.Category);
        var found = await command.ExecuteAsync(null!, CommandParameters.From(new { MessageId = "<m2@x>" }), default);
        Assert.Equal("other@example.org", Assert.IsType<MessageTrackingEvent>(Assert.Single(found)).Sender);
    }

    private static MessageTrackingEvent Event(DateTime at, string eventId, string messageId, string sender, params string[] recipients) =>
        new(at, eventId, "SMTP", "EX1", "192.0.2.1", null, "Default Frontend EX1", sender, recipients, null, messageId, "Q1", 1234, null);
}

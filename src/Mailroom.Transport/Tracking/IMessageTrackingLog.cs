namespace Mailroom.Transport.Tracking;

/// <summary>Search criteria of Get-MessageTrackingLog; every given criterion must match.</summary>
public sealed record TrackingQuery(
    string? Sender = null, IReadOnlyList<string>? Recipients = null, string? MessageId = null, string? EventId = null,
    DateTimeOffset? Start = null, DateTimeOffset? End = null, string? Server = null, int ResultSize = 1000);

/// <summary>The message tracking log: every node writes its events; any node can search all of them.</summary>
public interface IMessageTrackingLog
{
    /// <summary>
    /// Writes an event without making the caller wait for it: tracking is a log, not part of a message's
    /// durability, so a session's 250 never waits for it. Failures surface through <see cref="WriteAsync"/>'s task.
    /// </summary>
    void Record(MessageTrackingEvent entry) => _ = WriteAsync(entry).ContinueWith(
        static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    Task WriteAsync(MessageTrackingEvent entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MessageTrackingEvent>> SearchAsync(TrackingQuery query, CancellationToken cancellationToken = default);
}

namespace Mailroom.Transport.Tracking;

/// <summary>Search criteria of Get-MessageTrackingLog; every given criterion must match.</summary>
public sealed record TrackingQuery(
    string? Sender = null, IReadOnlyList<string>? Recipients = null, string? MessageId = null, string? EventId = null,
    DateTimeOffset? Start = null, DateTimeOffset? End = null, string? Server = null, int ResultSize = 1000);

/// <summary>The message tracking log: every node writes its events; any node can search all of them.</summary>
public interface IMessageTrackingLog
{
    Task WriteAsync(MessageTrackingEvent entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MessageTrackingEvent>> SearchAsync(TrackingQuery query, CancellationToken cancellationToken = default);
}

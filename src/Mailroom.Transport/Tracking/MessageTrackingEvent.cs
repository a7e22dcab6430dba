namespace Mailroom.Transport.Tracking;

/// <summary>
/// One line of the message tracking log, with the field names Get-MessageTrackingLog shows in Exchange.
/// EventId is one of RECEIVE, SUBMIT, DELIVER, SEND, FAIL, DSN, DEFER.
/// </summary>
public sealed record MessageTrackingEvent(
    DateTime Timestamp,
    string EventId,
    string Source,
    string ServerHostname,
    string? ClientIp,
    string? ClientHostname,
    string? ConnectorId,
    string Sender,
    IReadOnlyList<string> Recipients,
    string? RecipientStatus,
    string? MessageId,
    string? InternalMessageId,
    long TotalBytes,
    string? Reference)
{
    public int RecipientCount => Recipients.Count;

    public string ReturnPath => Sender;
}

/// <summary>The tracking event names Exchange uses.</summary>
public static class TrackingEvents
{
    public const string Receive = "RECEIVE";
    public const string Submit = "SUBMIT";
    public const string Deliver = "DELIVER";
    public const string Send = "SEND";
    public const string Fail = "FAIL";
    public const string Dsn = "DSN";
    public const string Defer = "DEFER";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Receive, Submit, Deliver, Send, Fail, Dsn, Defer };
}

using System.Globalization;
using Mailroom.Directory.Management;
using Mailroom.Transport.Tracking;

namespace Mailroom.Transport.Management;

/// <summary>Get-MessageTrackingLog with Exchange's search parameters.</summary>
public sealed class GetMessageTrackingLogCommand(IMessageTrackingLog log) : ManagementCommand
{
    public override string Name => "Get-MessageTrackingLog";

    protected override IEnumerable<string> Parameters =>
        ["Sender", "Recipients", "MessageId", "EventId", "Start", "End", "Server", "ResultSize", "MessageSubject", "InternalMessageId"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var eventId = parameters.String("EventId");
        if (eventId is not null && !TrackingEvents.All.Contains(eventId))
        {
            throw ManagementErrors.InvalidArgument(
                $"Cannot bind parameter 'EventId'. \"{eventId}\" isn't a tracked event; use RECEIVE, SUBMIT, DELIVER, SEND, FAIL, DSN or DEFER.", eventId);
        }

        var query = new TrackingQuery(
            parameters.String("Sender"),
            parameters.Multi("Recipients")?.Replacement,
            parameters.String("MessageId"),
            eventId,
            Time(parameters, "Start"),
            Time(parameters, "End"),
            parameters.String("Server"),
            ResultSize(parameters.String("ResultSize")));
        return (await log.SearchAsync(query, cancellationToken)).ToList<object>();
    }

    private static int ResultSize(string? text) => text switch
    {
        null => 1000,
        _ when text.Equals("Unlimited", StringComparison.OrdinalIgnoreCase) => int.MaxValue,
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw ManagementErrors.InvalidArgument($"Cannot bind parameter 'ResultSize'. \"{text}\" isn't valid: use a positive number or Unlimited.", text),
    };

    private static DateTimeOffset? Time(CommandParameters parameters, string name) =>
        parameters.String(name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw ManagementErrors.InvalidArgument($"Cannot bind parameter '{name}'. \"{text}\" isn't a date and time.", text);
}

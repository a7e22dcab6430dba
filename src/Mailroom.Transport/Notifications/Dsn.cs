namespace Mailroom.Transport.Notifications;

/// <summary>RFC 3461 NOTIFY values as stored on a queued recipient: null (none given) or "SUCCESS,FAILURE", "NEVER", ….</summary>
public static class Dsn
{
    /// <summary>Whether the sender asked for this kind of notification; without NOTIFY only failures (and delays) are reported.</summary>
    public static bool Requests(string? notify, string kind) =>
        notify is null
            ? kind is "FAILURE" or "DELAY"
            : notify.Split(',', StringSplitOptions.TrimEntries).Contains(kind, StringComparer.OrdinalIgnoreCase);
}

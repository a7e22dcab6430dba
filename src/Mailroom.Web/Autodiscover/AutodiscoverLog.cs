using System.Net;
using Microsoft.Extensions.Logging;

namespace Mailroom.Web.Autodiscover;

/// <summary>Log events of Autodiscover and autoconfig (3800–3819 of the web/certificates range).</summary>
internal static partial class AutodiscoverLog
{
    [LoggerMessage(3800, LogLevel.Debug, "Autodiscover settings for {User} from {Client} ({Network})")]
    public static partial void SettingsAnswered(ILogger logger, string user, IPAddress? client, string network);

    [LoggerMessage(3801, LogLevel.Information, "Autodiscover request from {Client} refused with error {Code}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, IPAddress? client, int code, string reason);

    [LoggerMessage(3802, LogLevel.Information, "Autodiscover for {User}: {Address} is a secondary address, redirected to {Primary}")]
    public static partial void Redirected(ILogger logger, string user, string address, string primary);

    [LoggerMessage(3803, LogLevel.Warning, "Autodiscover request body from {Client} exceeded {Limit} bytes")]
    public static partial void TooLarge(ILogger logger, IPAddress? client, int limit);
}

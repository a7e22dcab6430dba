using Mailroom.Addressing;
using Microsoft.AspNetCore.Http;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// Autodiscover v2 (exchange.md §4.8): <c>GET /autodiscover/autodiscover.json?Email=…&amp;Protocol=…</c> or
/// <c>…/autodiscover.json/v1.0/{email}?Protocol=…</c>, unauthenticated. Mailroom serves the POX service, so
/// <c>AutodiscoverV1</c> gets its URL; the Exchange web protocols it doesn't serve, and unknown names, get a JSON error.
/// The answer never depends on whether the address exists.
/// </summary>
internal static class JsonEndpoint
{
    /// <summary>Protocols Exchange answers that Mailroom doesn't run (EWS, ActiveSync, REST and Microsoft 365's).</summary>
    private static readonly HashSet<string> NotOffered = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ews", "ActiveSync", "Rest", "Substrate", "SubstrateSearchService", "SubstrateNotificationService",
        "OutlookMeetingScheduler", "OutlookPay", "Actions", "Connectors",
    };

    public static async Task<IResult> GetAsync(HttpContext http, ClientSettingsReader settingsReader, string? email = null)
    {
        var query = http.Request.Query;
        email ??= query["Email"].ToString();
        var protocol = query["Protocol"].ToString();
        if (!SmtpAddress.TryParse(email, out _))
        {
            return Problem("InvalidUser", $"The email address '{email}' isn't valid.");
        }

        if (protocol.Equals("AutodiscoverV1", StringComparison.OrdinalIgnoreCase))
        {
            var settings = await settingsReader.ForClientAsync(http.Connection.RemoteIpAddress, http.RequestAborted);
            return Results.Json(new Dictionary<string, string> { ["Protocol"] = "AutodiscoverV1", ["Url"] = settings.AutodiscoverUrl });
        }

        return NotOffered.Contains(protocol)
            ? Problem("ProtocolNotSupported", $"The protocol '{protocol}' isn't offered by this server. Supported values are 'AutodiscoverV1'.")
            : Problem("InvalidProtocol", $"The given protocol value '{protocol}' is invalid. Supported values are 'AutodiscoverV1'.");
    }

    private static IResult Problem(string code, string message) =>
        Results.Json(new Dictionary<string, string> { ["ErrorCode"] = code, ["ErrorMessage"] = message }, statusCode: StatusCodes.Status400BadRequest);
}

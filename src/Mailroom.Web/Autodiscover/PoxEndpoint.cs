using System.Buffers;
using System.Net;
using Mailroom.Addressing;
using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Web.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// <c>POST /autodiscover/autodiscover.xml</c>: Outlook's POX Autodiscover (exchange.md §4.1–4.3). The caller signs in
/// with Basic over TLS first, as Exchange requires, so nothing is said to anyone unauthenticated; a signed-in user gets
/// settings only for their own addresses, and the same "can't be found" for any other address whether it exists or not.
/// </summary>
internal static class PoxEndpoint
{
    private const string XmlContentType = "text/xml; charset=utf-8";

    public static async Task<IResult> PostAsync(
        HttpContext http, BasicAuthentication auth, IDirectoryStore store, ClientSettingsReader settingsReader,
        ClientAccessNode node, ClientAccessPolicy access, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Mailroom.Web.Autodiscover");
        var client = http.Connection.RemoteIpAddress;
        var remote = client is null ? null : new IPEndPoint(client, http.Connection.RemotePort);

        // Client access rules for Autodiscover: an address rule refuses before the password is checked, the rest once
        // the user is known; a refusal is a bare 403 that names no rule (exchange.md §3.7).
        if ((await access.CheckConnectionAsync(ClientAccessProtocols.Autodiscover, remote, http.RequestAborted)).IsDenied)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var caller = await auth.AuthenticateAsync(http.Request, http.RequestAborted);
        if (caller is null)
        {
            return AutodiscoverHttp.Challenge(http);
        }

        if ((await access.CheckUserAsync(ClientAccessProtocols.Autodiscover, remote, ClientAccessAuthenticationTypes.Basic, caller.Id, http.RequestAborted)).IsDenied)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return Error(600, "Invalid Request", time, node, logger, client, "not a POST");
        }

        var body = await ReadLimitedAsync(http.Request, PoxRequest.MaxBytes, http.RequestAborted);
        if (body is null)
        {
            AutodiscoverLog.TooLarge(logger, client, PoxRequest.MaxBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var request = PoxRequest.Parse(body.Value);
        switch (request.Kind)
        {
            case PoxRequestKind.Invalid:
                return Error(600, "Invalid Request", time, node, logger, client, "malformed request");
            case PoxRequestKind.UnsupportedResponseSchema:
                return Error(601, "Provider is not available", time, node, logger, client, "response schema " + request.AcceptableResponseSchema);
            case PoxRequestKind.MobileSync:
                return Results.Content(PoxResponse.MobileSyncNotOffered(request.EmailAddress), XmlContentType);
        }

        var mailbox = await store.ReadAsync(async reader => await reader.GetAsync(caller.Id, http.RequestAborted) as Mailbox, http.RequestAborted);
        var asked = mailbox is null ? null : MatchOwnAddress(mailbox, request);
        if (mailbox is null || asked is null)
        {
            return Error(500, "The email address can't be found.", time, node, logger, client, "not an address of the signed-in user");
        }

        if (SmtpAddress.TryParse(asked, out var askedAddress) && SmtpAddress.TryParse(mailbox.PrimarySmtpAddress, out var primary)
            && !askedAddress!.Domain.Equals(primary!.Domain, StringComparison.OrdinalIgnoreCase))
        {
            AutodiscoverLog.Redirected(logger, mailbox.UserPrincipalName, asked, mailbox.PrimarySmtpAddress);
            return Results.Content(PoxResponse.RedirectAddr(mailbox.PrimarySmtpAddress), XmlContentType);
        }

        var settings = await settingsReader.ForClientAsync(client, http.RequestAborted);
        AutodiscoverLog.SettingsAnswered(logger, mailbox.UserPrincipalName, client, settings.Internal ? "internal" : "external");
        var user = new PoxUser(mailbox.DisplayName, mailbox.ExchangeLegacyDN, mailbox.PrimarySmtpAddress, mailbox.UserPrincipalName);
        return Results.Content(PoxResponse.Settings(user, settings), XmlContentType);
    }

    /// <summary>The address asked for if it is one of the mailbox's SMTP addresses (or its legacy DN: the primary).</summary>
    private static string? MatchOwnAddress(Mailbox mailbox, PoxRequest request)
    {
        if (request.EmailAddress is { } email)
        {
            return mailbox.ProxyAddresses().FirstOrDefault(p => p.IsSmtp && p.Address.Equals(email, StringComparison.OrdinalIgnoreCase))?.Address;
        }

        return request.LegacyDN is { } dn && dn.Equals(mailbox.ExchangeLegacyDN, StringComparison.OrdinalIgnoreCase) ? mailbox.PrimarySmtpAddress : null;
    }

    private static IResult Error(int code, string message, TimeProvider time, ClientAccessNode node, ILogger logger, System.Net.IPAddress? client, string reason)
    {
        AutodiscoverLog.RequestRefused(logger, client, code, reason);
        return Results.Content(PoxResponse.Error(code, message, time.GetUtcNow(), node.ServerName), XmlContentType);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}

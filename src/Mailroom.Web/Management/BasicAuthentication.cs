using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mailroom.Directory.Management;
using Mailroom.Directory.Security;
using Microsoft.AspNetCore.Http;

namespace Mailroom.Web.Management;

/// <summary>
/// HTTP Basic authentication of management API calls against the directory. A verified credential is remembered
/// for a short time (keyed by a hash, never the password), because the PBKDF2 check costs tens of milliseconds
/// and a pipeline of cmdlets makes one call per object.
/// </summary>
public sealed class BasicAuthentication(DirectoryAuthenticator authenticator, LoginThrottle throttle, TimeProvider time)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> recent = new();

    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!TryReadBasic(request.Headers.Authorization.ToString(), out var user, out var password))
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password)));
        var now = time.GetUtcNow();
        if (recent.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        var address = request.HttpContext.Connection.RemoteIpAddress;
        if (throttle.IsThrottled(user, address))
        {
            return null;
        }

        var caller = await authenticator.AuthenticateAsync(user, password, cancellationToken);
        if (caller is null)
        {
            throttle.RecordFailure(user, address);
            return null;
        }

        throttle.RecordSuccess(user);
        recent[key] = (caller, now + RememberFor);
        return caller;
    }

    private static bool TryReadBasic(string header, out string user, out string password)
    {
        user = password = string.Empty;
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

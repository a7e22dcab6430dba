using Mailroom.Addressing;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

/// <summary>The rules a receive connector must satisfy before it is saved, checked on the whole object after every change.</summary>
public static class ReceiveConnectorRules
{
    /// <summary>
    /// Networks no stranger on the Internet can send from: RFC 1918, loopback, link-local, shared address space
    /// (RFC 6598), and IPv6 loopback, unique local (RFC 4193) and link-local.
    /// </summary>
    private static readonly IPRange[] NonPublic =
    [
        .. new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "::1", "fc00::/7", "fe80::/10" }
            .Select(IPRange.Parse),
    ];

    /// <summary>The widest block of public addresses an externally secured connector may trust: a /24 or a /64.</summary>
    private static readonly UInt128 MaxPublicSpanV4 = 255;
    private static readonly UInt128 MaxPublicSpanV6 = ulong.MaxValue;

    public static void Validate(ReceiveConnector connector)
    {
        if (connector.Bindings.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("The Bindings parameter can't be empty: a receive connector needs at least one IP address and port, such as 0.0.0.0:25.", "Bindings");
        }

        if (connector.RemoteIPRanges.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("The RemoteIPRanges parameter can't be empty: a receive connector needs at least one remote IP address or range.", "RemoteIPRanges");
        }

        ValidateAuthMechanism(connector);
        ValidateExternallySecured(connector);
        if (!SmtpDomain.TryParse(connector.Fqdn, allowWildcard: false, out _, out var fqdnError))
        {
            throw ManagementErrors.InvalidArgument(fqdnError!, connector.Fqdn);
        }

        // The banner is sent as the 220 reply itself, so it must be one line that starts with the reply code.
        if (connector.Banner is { } banner && (!banner.StartsWith("220 ", StringComparison.Ordinal) || banner.Any(char.IsControl) || banner.Length > 512))
        {
            throw ManagementErrors.InvalidArgument($"The banner \"{banner}\" isn't valid: a banner is one line of at most 512 characters that starts with \"220 \".", banner);
        }
    }

    /// <summary>
    /// Exchange's rule: connectors of one server may not share both a binding and a remote range, or a connection
    /// could belong to either of them.
    /// </summary>
    public static async Task EnsureUniqueOnServerAsync(CommandContext context, ReceiveConnector connector, CancellationToken cancellationToken)
    {
        await foreach (var other in context.Reader.ListAsync<ReceiveConnector>(cancellationToken))
        {
            if (other.Guid != connector.Guid && other.Server.Equals(connector.Server, StringComparison.OrdinalIgnoreCase)
                && other.Bindings.Any(connector.Bindings.Contains) && other.RemoteIPRanges.Any(connector.RemoteIPRanges.Contains))
            {
                throw ManagementErrors.BindingConflict(other.Identity);
            }
        }
    }

    private static void ValidateAuthMechanism(ReceiveConnector connector)
    {
        var mechanisms = connector.AuthMechanism;
        if (mechanisms.HasFlag(AuthMechanisms.BasicAuthRequireTLS) && !(mechanisms.HasFlag(AuthMechanisms.BasicAuth) && mechanisms.HasFlag(AuthMechanisms.Tls)))
        {
            throw ManagementErrors.InvalidArgument("The authentication mechanism BasicAuthRequireTLS also requires BasicAuth and Tls.", "AuthMechanism");
        }

        if (connector.RequireTLS && !mechanisms.HasFlag(AuthMechanisms.Tls))
        {
            throw ManagementErrors.InvalidArgument("RequireTLS can be $true only when AuthMechanism includes Tls.", "RequireTLS");
        }
    }

    /// <summary>
    /// <c>ExternalAuthoritative</c> makes every session a server of the organization, relay included, without
    /// authentication. Exchange requires Tls as its only companion and the ExchangeServers group; Mailroom also
    /// refuses AnonymousUsers beside it (anonymous senders never relay) and ranges an Internet stranger could be in.
    /// </summary>
    private static void ValidateExternallySecured(ReceiveConnector connector)
    {
        if (!connector.AuthMechanism.HasFlag(AuthMechanisms.ExternalAuthoritative))
        {
            return;
        }

        if ((connector.AuthMechanism & ~(AuthMechanisms.ExternalAuthoritative | AuthMechanisms.Tls)) != AuthMechanisms.None)
        {
            throw ManagementErrors.InvalidArgument("The authentication mechanism ExternalAuthoritative can only be combined with Tls.", "AuthMechanism");
        }

        if (!connector.PermissionGroups.HasFlag(PermissionGroups.ExchangeServers))
        {
            throw ManagementErrors.InvalidArgument("The authentication mechanism ExternalAuthoritative requires the ExchangeServers permission group.", "PermissionGroups");
        }

        if (connector.PermissionGroups.HasFlag(PermissionGroups.AnonymousUsers))
        {
            throw ManagementErrors.InvalidArgument(
                "An externally secured connector (ExternalAuthoritative) lets every session relay, so it can't also admit AnonymousUsers: anonymous senders never relay. Remove AnonymousUsers, or use a separate connector for them.",
                "PermissionGroups");
        }

        foreach (var range in connector.RemoteIPRanges)
        {
            var limit = range.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? MaxPublicSpanV4 : MaxPublicSpanV6;
            if (range.Span > limit && !NonPublic.Any(n => n.Contains(range)))
            {
                throw ManagementErrors.InvalidArgument(
                    $"The remote IP range \"{range}\" is too wide for an externally secured connector (ExternalAuthoritative), which lets every address in it relay without authentication: use private addresses, or at most a /24 (IPv4) or /64 (IPv6) of public addresses. Senders elsewhere should authenticate.",
                    range.ToString());
            }
        }
    }
}

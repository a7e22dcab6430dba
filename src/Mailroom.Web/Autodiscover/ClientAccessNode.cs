using System.Net;
using Mailroom.Directory.Connectors;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// What the web endpoints need to know about the node they run on: its server name, FQDN, the ports of its
/// listeners (Https, Imap, Imaps, Pop3, Pop3s, Submission, SubmissionTls) and the networks counted as internal.
/// </summary>
public sealed record ClientAccessNode(string ServerName, string Fqdn, IReadOnlyDictionary<string, int> Ports, IReadOnlyList<IPRange> InternalNetworks)
{
    /// <summary>Loopback, RFC 1918, IPv6 unique-local and link-local: the default internal networks.</summary>
    public static readonly IReadOnlyList<IPRange> DefaultInternalNetworks =
    [
        IPRange.Parse("127.0.0.0/8"), IPRange.Parse("10.0.0.0/8"), IPRange.Parse("172.16.0.0/12"), IPRange.Parse("192.168.0.0/16"),
        IPRange.Parse("::1"), IPRange.Parse("fc00::/7"), IPRange.Parse("fe80::/10"),
    ];

    /// <summary>Exchange answers internal clients with internal URLs and the rest with external ones (exchange.md §9).</summary>
    public bool IsInternal(IPAddress? client) => client is not null && InternalNetworks.Any(r => r.Contains(client));

    public int Port(string listener, int standard) => Ports.TryGetValue(listener, out var port) && port > 0 ? port : standard;
}

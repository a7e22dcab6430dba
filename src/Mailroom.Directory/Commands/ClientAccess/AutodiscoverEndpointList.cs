using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccess;

/// <summary>One endpoint a client would try, in order, and where it came from (exchange.md §4.5, §4.8a).</summary>
public sealed record AutodiscoverEndpoint(int Order, string Endpoint, string CameFrom, string Method);

/// <summary>
/// The list of Autodiscover endpoints a domain-joined Outlook builds for an address (exchange.md §4.4, §4.5):
/// URL SCPs ranked by site (the client's site, then unscoped, then other sites; older first within a rank), then the
/// two URLs derived from the address's domain, then the unauthenticated HTTP redirect probe and the DNS SRV record.
/// A pointer SCP for the domain sends the client to another directory instead of this one's URL SCPs.
/// </summary>
public static class AutodiscoverEndpointList
{
    public const string SameSite = "SCP lookup (same site)";
    public const string NoSiteScope = "SCP lookup (no site scope)";
    public const string OtherSite = "SCP lookup (other site)";
    public const string FromAddress = "derived from the email address";
    public const string RedirectProbe = "HTTP redirect probe (unauthenticated GET, follows a 302)";
    public const string SrvRecord = "DNS SRV record";

    public static IReadOnlyList<AutodiscoverEndpoint> Build(
        string domain, string clientSite, IEnumerable<Server> servers, IEnumerable<ServiceConnectionPoint> pointers)
    {
        domain = domain.ToLowerInvariant();
        var rows = new List<(string Url, string From, string Method)>();
        var pointerList = pointers.ToList();
        if (pointerList.FirstOrDefault(p => string.Equals(p.Domain, domain, StringComparison.OrdinalIgnoreCase)) is { } forDomain)
        {
            // The client discards what it found and repeats the search in the pointed-to directory (§4.4).
            rows.Add((forDomain.ServiceBindingInformation, $"SCP pointer (Domain={domain}): the client searches that directory instead", "LDAP"));
        }
        else
        {
            var scps = servers
                .Where(s => s.AutoDiscoverServiceInternalUri is not null)
                .Select(s => (Server: s, Rank: RankOf(s, clientSite)))
                .OrderBy(s => s.Rank)
                .ThenBy(s => s.Server.AutoDiscoverServiceCreated ?? s.Server.WhenCreated)
                .ThenBy(s => s.Server.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            rows.AddRange(scps.Select(s => (s.Server.AutoDiscoverServiceInternalUri!, s.Rank switch
            {
                1 => SameSite,
                2 => NoSiteScope,
                _ => OtherSite,
            }, "POST")));
            if (scps.Count == 0 && pointerList.FirstOrDefault(p => p.Domain is null) is { } fallback)
            {
                rows.Add((fallback.ServiceBindingInformation, "SCP pointer (no domain): the client searches that directory instead", "LDAP"));
            }
        }

        rows.Add(($"https://{domain}/autodiscover/autodiscover.xml", FromAddress, "POST"));
        rows.Add(($"https://autodiscover.{domain}/autodiscover/autodiscover.xml", FromAddress, "POST"));
        rows.Add(($"http://autodiscover.{domain}/autodiscover/autodiscover.xml", RedirectProbe, "GET"));
        rows.Add(($"_autodiscover._tcp.{domain}", SrvRecord, "SRV"));
        return rows.Select((r, i) => new AutodiscoverEndpoint(i + 1, r.Url, r.From, r.Method)).ToList();
    }

    /// <summary>1: scoped to the client's site; 2: no <c>Site=</c> keyword; 3: only other sites.</summary>
    private static int RankOf(Server server, string clientSite) =>
        server.AutoDiscoverSiteScope.Count == 0 ? 2
        : server.AutoDiscoverSiteScope.Contains(clientSite, StringComparer.OrdinalIgnoreCase) ? 1
        : 3;
}

using System.Globalization;
using System.Text;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

/// <summary>
/// Writes an haproxy.cfg (HAProxy 2.6, Debian bookworm) for a client access array: a TCP frontend per service on the
/// array's virtual address, every member as a backend server, and per-service health checks against each member's
/// <c>/&lt;service&gt;/healthcheck.htm</c> over HTTPS, so a member whose component is draining or inactive (503) stops
/// getting new connections within <c>fall × inter</c>. IMAP and POP3 keep a client on one member (source affinity);
/// SMTP goes to the least busy member. With PROXY protocol v2 the members see the clients' addresses.
/// </summary>
public sealed class HAProxyConfiguration
{
    /// <summary>Service, member listener, standard port, health path, balance algorithm.</summary>
    public static readonly IReadOnlyList<(string Service, string Listener, int Port, string Health, string Balance)> Services =
    [
        ("smtp", "Smtp", 25, "/smtp/healthcheck.htm", "leastconn"),
        ("submission", "Submission", 587, "/smtp/healthcheck.htm", "leastconn"),
        ("submissions", "SubmissionTls", 465, "/smtp/healthcheck.htm", "leastconn"),
        ("imap", "Imap", 143, "/imap/healthcheck.htm", "source"),
        ("imaps", "Imaps", 993, "/imap/healthcheck.htm", "source"),
        ("pop3", "Pop3", 110, "/pop/healthcheck.htm", "source"),
        ("pop3s", "Pop3s", 995, "/pop/healthcheck.htm", "source"),
        ("https", "Https", 443, "/autodiscover/healthcheck.htm", "source"),
    ];

    public required ClientAccessArray Array { get; init; }

    public required IReadOnlyList<Server> Members { get; init; }

    /// <summary>The address the frontends bind; null binds every address of the balancer.</summary>
    public string? VirtualAddress { get; init; }

    public bool ProxyProtocol { get; init; }

    /// <summary>Frontends listen on the members' ports instead of the standard ones (all members must agree).</summary>
    public bool MemberPorts { get; init; }

    /// <summary>The address HAProxy connects to members from (the address nodes list in Mailroom:LoadBalancers).</summary>
    public string? SourceAddress { get; init; }

    public int CheckIntervalSeconds { get; init; } = 2;

    public List<string> Warnings { get; } = [];

    public string Write()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# haproxy.cfg for the client access array {Array.Name} ({Array.Fqdn}) in site {Array.Site},");
        text.AppendLine("# written by Mailroom's Export-ClientAccessArrayConfiguration. Members: " + string.Join(", ", Members.Select(m => m.Fqdn)) + ".");
        text.AppendLine("# Check it with: haproxy -c -f haproxy.cfg");
        foreach (var warning in Warnings)
        {
            text.AppendLine("# WARNING: " + warning);
        }

        text.AppendLine();
        text.AppendLine("global");
        text.AppendLine("    log stdout format raw local0");
        text.AppendLine("    # maxconn follows the open-file limit HAProxy starts with (ulimit -n).");
        text.AppendLine();
        text.AppendLine("defaults");
        text.AppendLine("    mode tcp");
        text.AppendLine("    log global");
        text.AppendLine("    option tcplog");
        text.AppendLine("    timeout connect 5s");
        text.AppendLine("    # IMAP IDLE lasts up to 29 minutes between client commands (RFC 2177).");
        text.AppendLine("    timeout client 31m");
        text.AppendLine("    timeout server 31m");
        text.AppendLine("    timeout check 3s");
        if (SourceAddress is { Length: > 0 } source)
        {
            text.AppendLine("    source " + source);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"    default-server inter {CheckIntervalSeconds}s fall 2 rise 2");
        foreach (var (service, listener, standardPort, health, balance) in Services)
        {
            var servers = Members.Select(m => (Member: m, Endpoint: Endpoint(m, listener), Https: Endpoint(m, "Https"))).ToList();
            if (servers.Any(s => s.Endpoint is null || s.Https is null))
            {
                continue; // Export refuses members without endpoints before writing; nothing to balance here
            }

            var port = MemberPorts ? servers[0].Endpoint!.Value.Port : standardPort;
            text.AppendLine();
            text.AppendLine("frontend " + service);
            text.AppendLine(CultureInfo.InvariantCulture, $"    bind {Bind(port)}");
            text.AppendLine("    default_backend " + service + "_members");
            text.AppendLine();
            text.AppendLine("backend " + service + "_members");
            text.AppendLine("    balance " + balance);
            if (balance == "source")
            {
                text.AppendLine("    hash-type consistent  # a member leaving moves only its own clients");
            }

            text.AppendLine("    option httpchk");
            text.AppendLine(CultureInfo.InvariantCulture, $"    http-check send meth GET uri {health} ver HTTP/1.1 hdr Host {Array.Fqdn}");
            text.AppendLine("    http-check expect status 200");
            foreach (var (member, endpoint, https) in servers)
            {
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"    server {member.Name} {Address(member, endpoint!.Value)} check check-ssl verify none addr {Host(member, https!.Value)} port {https.Value.Port}"));
                if (ProxyProtocol)
                {
                    line.Append(" send-proxy-v2 check-send-proxy");
                }

                text.AppendLine(line.ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>Members' differing ports for a listener, when frontends are to use the members' ports.</summary>
    public IEnumerable<string> PortDisagreements() =>
        MemberPorts
            ? Services.Select(s => (s.Listener, Ports: Members.Select(m => Endpoint(m, s.Listener)?.Port).Distinct().ToList()))
                .Where(x => x.Ports.Count > 1)
                .Select(x => $"{x.Listener} ({string.Join(", ", x.Ports)})")
            : [];

    private string Bind(int port) => VirtualAddress is { Length: > 0 } vip
        ? (vip.Contains(':', StringComparison.Ordinal) ? $"[{vip}]:{port}" : $"{vip}:{port}")
        : $":{port}";

    public static (string Host, int Port)? Endpoint(Server server, string listener)
    {
        if (!server.NetworkEndpoints.TryGetValue(listener, out var value) || value.LastIndexOf(':') is var colon && colon <= 0)
        {
            return null;
        }

        return int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (value[..colon].Trim('[', ']'), port)
            : null;
    }

    /// <summary>A member bound to every address is reached by its FQDN.</summary>
    private static string Host(Server member, (string Host, int Port) endpoint) =>
        endpoint.Host is "*" or "0.0.0.0" or "::" or "" ? member.Fqdn : endpoint.Host;

    private static string Address(Server member, (string Host, int Port) endpoint)
    {
        var host = Host(member, endpoint);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{endpoint.Port}" : $"{host}:{endpoint.Port}";
    }
}

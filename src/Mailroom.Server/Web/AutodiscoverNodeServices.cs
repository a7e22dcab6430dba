using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Connectors;
using Mailroom.Server.Hosting;
using Mailroom.Web.Autodiscover;

namespace Mailroom.Server.Web;

/// <summary>
/// The node's Autodiscover/autoconfig endpoints: they learn the listener ports from <c>Mailroom:Listeners</c> and the
/// internal networks from <c>Mailroom:Autodiscover:InternalNetworks</c> (CIDR, ranges or addresses; default loopback,
/// RFC 1918 and IPv6 unique-local/link-local).
/// </summary>
public static class AutodiscoverNodeServices
{
    public static IServiceCollection AddMailroomAutodiscoverNode(this IServiceCollection services, IConfiguration configuration, NodeIdentity identity, IReadOnlyDictionary<string, string> listeners)
    {
        var ports = listeners.ToDictionary(l => l.Key, l => ListenerAddress.Parse(l.Key, l.Value).Port, StringComparer.OrdinalIgnoreCase);
        var configured = configuration.GetSection("Mailroom:Autodiscover:InternalNetworks").Get<string[]>();
        var networks = configured is null
            ? ClientAccessNode.DefaultInternalNetworks
            : configured.Select(text => IPRange.TryParse(text, out var range, out var error) ? range!
                : throw new FormatException($"Mailroom:Autodiscover:InternalNetworks: \"{text}\" isn't an address, range or CIDR block ({error}).")).ToList();
        return services.AddMailroomAutodiscover(new ClientAccessNode(identity.ServerName, identity.Fqdn, ports, networks));
    }
}

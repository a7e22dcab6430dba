using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Web.Autodiscover;

/// <summary>The host name clients are told to connect to when no connection setting or URL names one.</summary>
public static class ClientAccessHost
{
    /// <summary>
    /// Every host name in Autodiscover, autoconfig and JSON answers that isn't configured explicitly comes from here:
    /// the FQDN of the client access array of the server's site when there is one (clients must reach the array
    /// through its load balancer, not one member), else the server's own FQDN.
    /// </summary>
    public static async ValueTask<string> ClientAccessHostName(IDirectoryReader reader, Server server, CancellationToken cancellationToken)
    {
        await foreach (var array in reader.ListAsync<ClientAccessArray>(cancellationToken))
        {
            if (array.Site.Equals(server.Site, StringComparison.OrdinalIgnoreCase) && array.Fqdn.Length > 0)
            {
                return array.Fqdn.ToLowerInvariant();
            }
        }

        return server.Fqdn.ToLowerInvariant();
    }
}

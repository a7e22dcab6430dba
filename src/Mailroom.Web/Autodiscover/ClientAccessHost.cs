using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Web.Autodiscover;

/// <summary>The host name clients are told to connect to when no connection setting or URL names one.</summary>
public static class ClientAccessHost
{
    /// <summary>
    /// Every host name in Autodiscover, autoconfig and JSON answers that isn't configured explicitly comes from here,
    /// so answering with a client access array's FQDN instead of the server's is a change in this one place.
    /// </summary>
    public static ValueTask<string> ClientAccessHostName(IDirectoryReader reader, Server server, CancellationToken cancellationToken)
    {
        _ = reader;
        _ = cancellationToken;
        return ValueTask.FromResult(server.Fqdn.ToLowerInvariant());
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

/// <summary>The server a command runs on, which Exchange's transport cmdlets default to (<c>-Server</c>, <c>-SourceTransportServers</c>).</summary>
public static class LocalServer
{
    public static async Task<Server> GetAsync(CommandContext context, CancellationToken cancellationToken) =>
        (await IdentityResolver.FindAsync<Server>(context, context.ServerFqdn, cancellationToken)) is [var server]
            ? server
            : throw ManagementErrors.NotFound(context.ServerFqdn, context.ServerFqdn);
}

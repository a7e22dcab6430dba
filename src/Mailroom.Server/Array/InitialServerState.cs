using Mailroom.Directory.Commands.ComponentStates;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Naming;
using Mailroom.Directory.Storage;

namespace Mailroom.Server.Array;

/// <summary>
/// Mailroom:Server:InitialState=Inactive: the node starts with ServerWideOffline Inactive (requester Maintenance), as
/// an NLB host whose default state is "stopped", and serves nothing until an administrator runs
/// <c>Set-ServerComponentState &lt;server&gt; -Component ServerWideOffline -State Active -Requester Maintenance</c>.
/// Without it, a node keeps whatever states the directory holds for it, so one restarted while inactive stays so.
/// </summary>
public static class InitialServerState
{
    public static async Task ApplyAsync(IDirectoryStore store, string initialState, string serverName, string fqdn, TimeProvider time, CancellationToken cancellationToken)
    {
        if (initialState.Equals("Active", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!initialState.Equals("Inactive", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Mailroom:Server:InitialState \"{initialState}\" isn't known; use Active or Inactive.");
        }

        await store.WriteAsync(async tx =>
        {
            var names = await ManagementService.LoadNamesAsync(tx);
            var context = new CommandContext(tx, names, time, fqdn, "startup");
            var server = await IdentityResolver.ResolveAsync<Directory.Model.Server>(context, serverName, cancellationToken);
            await ComponentStateStore.SetAsync(context, server, ServerComponents.ServerWideOffline, "Maintenance", ServiceState.Inactive, cancellationToken);
            return 0;
        }, cancellationToken);
    }
}

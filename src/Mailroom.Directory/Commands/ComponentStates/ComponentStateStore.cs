using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Commands.ComponentStates;

/// <summary>Reads and writes a server's <see cref="ServerComponentStates"/> object (created on first write).</summary>
public static class ComponentStateStore
{
    public static async Task<IReadOnlyList<ComponentStateEntry>> ReadAsync(IDirectoryReader reader, string serverName, CancellationToken cancellationToken) =>
        await reader.FindByKeyAsync(DirectoryKey.Name(ServerComponentStates.Class, serverName), cancellationToken) is { } id
        && await reader.GetAsync(id, cancellationToken) is ServerComponentStates states
            ? states.Entries
            : [];

    /// <summary>Records <paramref name="requester"/>'s state for <paramref name="component"/>, replacing its earlier word.</summary>
    public static async Task SetAsync(CommandContext context, Server server, string component, string requester, ServiceState state, CancellationToken cancellationToken)
    {
        var id = await context.Reader.FindByKeyAsync(DirectoryKey.Name(ServerComponentStates.Class, server.Name), cancellationToken);
        var states = id is { } found && await context.Reader.GetAsync(found, cancellationToken) is ServerComponentStates existing
            ? existing
            : new ServerComponentStates
            {
                Name = server.Name,
                Server = server.Name,
                DistinguishedName = "CN=Component States," + context.Names.Server(server.Name),
            };
        var previous = states.Entries.FirstOrDefault(e => e.Component == component && e.Requester == requester);
        if (previous is { } p && p.State == state)
        {
            return; // the same word again keeps its timestamp, so a repeated drain doesn't restart its timeout
        }

        states.Entries.RemoveAll(e => e.Component == component && e.Requester == requester);
        states.Entries.Add(new ComponentStateEntry(component, requester, state, context.Now));
        if (id is null)
        {
            await DirectoryWrites.AddAsync(context, states, cancellationToken);
        }
        else
        {
            await DirectoryWrites.UpdateAsync(context, states, cancellationToken);
        }
    }
}

using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ComponentStates;

/// <summary>One line of Get-ServerComponentState: the server, a component, its state, and who said what.</summary>
public sealed record ServerComponentStatus(string Identity, string ServerFqdn, string Component, string State, IReadOnlyList<string> RemoteStates)
{
    public static ServerComponentStatus Of(Server server, IReadOnlyList<ComponentStateEntry> entries, string component) => new(
        server.Fqdn,
        server.Fqdn,
        component,
        ServerComponents.Effective(entries, component).ToString(),
        [.. entries.Where(e => e.Component == component).Select(e => $"{e.Requester}: {e.State} since {e.Timestamp:u}")]);
}

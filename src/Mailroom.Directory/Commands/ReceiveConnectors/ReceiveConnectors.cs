using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

/// <summary>The receive connectors every server starts with.</summary>
public static class ReceiveConnectors
{
    public static string DefaultFrontendName(string server) => $"Default Frontend {server}";

    public static string ClientFrontendName(string server) => $"Client Frontend {server}";

    /// <summary>
    /// Exchange setup's pair for a server that has no receive connector (a new server, or one registered before
    /// connectors existed): <c>Default Frontend</c> on the SMTP listener, where anonymous senders deliver to accepted
    /// domains and authenticated users may submit after STARTTLS, and <c>Client Frontend</c> on the submission
    /// listeners, for authenticated users only and only over TLS. A server that already has connectors is left as
    /// its administrator made it.
    /// </summary>
    public static async Task EnsureDefaultsAsync(
        CommandContext context, Server server, IReadOnlyList<IPBinding> smtp, IReadOnlyList<IPBinding> submission, CancellationToken cancellationToken)
    {
        await foreach (var existing in context.Reader.ListAsync<ReceiveConnector>(cancellationToken))
        {
            if (existing.Server.Equals(server.Name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        await AddAsync(context, server, DefaultFrontendName(server.Name), smtp, c =>
        {
            c.PermissionGroups = PermissionGroups.AnonymousUsers | PermissionGroups.ExchangeUsers | PermissionGroups.ExchangeServers | PermissionGroups.ExchangeLegacyServers;
            c.AuthMechanism = AuthMechanisms.Tls | AuthMechanisms.Integrated | AuthMechanisms.BasicAuth | AuthMechanisms.BasicAuthRequireTLS | AuthMechanisms.ExchangeServer;
        }, cancellationToken);
        await AddAsync(context, server, ClientFrontendName(server.Name), submission, c =>
        {
            c.PermissionGroups = PermissionGroups.ExchangeUsers;
            c.AuthMechanism = AuthMechanisms.Tls | AuthMechanisms.BasicAuth | AuthMechanisms.BasicAuthRequireTLS;
            c.RequireTLS = true;
            c.MaxMessageSize = ReceiveConnector.ClientMaxMessageSize;
        }, cancellationToken);
    }

    private static async Task AddAsync(
        CommandContext context, Server server, string name, IReadOnlyList<IPBinding> bindings, Action<ReceiveConnector> settings, CancellationToken cancellationToken)
    {
        var connector = new ReceiveConnector
        {
            Name = name,
            Server = server.Name,
            Fqdn = server.Fqdn,
            TransportRole = TransportRole.FrontendTransport,
            Bindings = [.. bindings],
            RemoteIPRanges = [.. IPRange.Everything],
            DistinguishedName = context.Names.ReceiveConnector(server.Name, name),
        };
        settings(connector);
        await ReceiveConnectorSettings.ValidateAsync(context, connector, cancellationToken);
        await DirectoryWrites.AddAsync(context, connector, cancellationToken);
    }
}

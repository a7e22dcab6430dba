using Mailroom.Addressing;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.SendConnectors;

/// <summary>The settable parameters of New- and Set-SendConnector, and the rules across them.</summary>
public static class SendConnectorSettings
{
    public static readonly string[] Names =
        ["AddressSpaces", "SmartHosts", "DNSRoutingEnabled", "Port", "RequireTLS", "Fqdn", "MaxMessageSize", "SourceTransportServers", "Enabled"];

    /// <summary>Applies every given parameter, then checks the finished connector.</summary>
    public static async Task ApplyAsync(CommandContext context, SendConnector connector, CommandParameters parameters, CancellationToken cancellationToken)
    {
        connector.AddressSpaces = ConnectorParameters.List<AddressSpace>(parameters, "AddressSpaces", connector.AddressSpaces, AddressSpace.TryParse, (a, b) => a.SameSpace(b))
            ?? connector.AddressSpaces;
        var smartHosts = ConnectorParameters.List<SmartHost>(parameters, "SmartHosts", connector.SmartHosts, SmartHost.TryParse, (a, b) => a.Equals(b));
        connector.SmartHosts = smartHosts ?? connector.SmartHosts;

        // Giving smart hosts alone switches DNS routing off (and clearing them switches it back on); giving both is
        // checked below, so -SmartHosts with -DNSRoutingEnabled $true is refused as in Exchange.
        connector.DNSRoutingEnabled = parameters.Bool("DNSRoutingEnabled") ?? (smartHosts is null ? connector.DNSRoutingEnabled : smartHosts.Count == 0);
        connector.Port = ConnectorParameters.Int(parameters, "Port", 1, 65535) ?? connector.Port;
        connector.RequireTLS = parameters.Bool("RequireTLS") ?? connector.RequireTLS;
        if (parameters.Has("Fqdn"))
        {
            connector.Fqdn = parameters.String("Fqdn") is { Length: > 0 } fqdn
                ? SmtpDomain.TryParse(fqdn, allowWildcard: false, out var host, out var error) ? host!.ToString().ToLowerInvariant() : throw ManagementErrors.InvalidArgument(error!, fqdn)
                : null;
        }

        connector.MaxMessageSize = ConnectorParameters.UnlimitedSize(parameters, "MaxMessageSize", int.MaxValue) ?? connector.MaxMessageSize;
        if (parameters.Multi("SourceTransportServers") is not null)
        {
            var names = ConnectorParameters.List<string>(parameters, "SourceTransportServers", connector.SourceTransportServers, ParseName, (a, b) => a.Equals(b, StringComparison.OrdinalIgnoreCase))!;
            connector.SourceTransportServers = await ServerNamesAsync(context, names, cancellationToken);
        }

        connector.Enabled = parameters.Bool("Enabled") ?? connector.Enabled;
        Validate(connector);
    }

    public static void Validate(SendConnector connector)
    {
        if (connector.AddressSpaces.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("The AddressSpaces parameter can't be empty: a send connector needs at least one address space, such as * or contoso.com.", "AddressSpaces");
        }

        if (connector.DNSRoutingEnabled && connector.SmartHosts.Count > 0)
        {
            throw ManagementErrors.InvalidArgument(
                "The SmartHosts parameter can only be used when DNSRoutingEnabled is $false. Set -DNSRoutingEnabled $false to route through the smart hosts, or clear them with -SmartHosts $null.", "SmartHosts");
        }

        if (!connector.DNSRoutingEnabled && connector.SmartHosts.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("When DNSRoutingEnabled is $false, the SmartHosts parameter must name at least one smart host.", "SmartHosts");
        }

        if (connector.SourceTransportServers.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("The SourceTransportServers parameter can't be empty: name the servers that may send through the connector.", "SourceTransportServers");
        }
    }

    /// <summary>Each source server by any of its identities (name, FQDN, GUID), stored by name as Exchange shows them.</summary>
    private static async Task<List<string>> ServerNamesAsync(CommandContext context, IEnumerable<string> identities, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var identity in identities)
        {
            var server = await IdentityResolver.ResolveAsync<Server>(context, identity, cancellationToken);
            if (!names.Contains(server.Name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(server.Name);
            }
        }

        return names;
    }

    private static bool ParseName(string? text, out string? value, out string? error)
    {
        value = text?.Trim();
        error = string.IsNullOrEmpty(value) ? "A server name can't be empty." : null;
        return error is null;
    }
}

using Mailroom.Addressing;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

/// <summary>The settable parameters of New- and Set-ReceiveConnector, with Exchange's ranges.</summary>
public static class ReceiveConnectorSettings
{
    public static readonly string[] Names =
    [
        "Bindings", "RemoteIPRanges", "PermissionGroups", "AuthMechanism", "RequireTLS", "Fqdn", "Banner", "MaxMessageSize",
        "MaxRecipientsPerMessage", "ConnectionTimeout", "MaxInboundConnectionPerSource", "MaxInboundConnection", "TransportRole", "Enabled",
    ];

    /// <summary>Applies every given parameter to <paramref name="connector"/>; rules across values are checked afterwards.</summary>
    public static void Apply(ReceiveConnector connector, CommandParameters parameters)
    {
        connector.Bindings = ConnectorParameters.List<IPBinding>(parameters, "Bindings", connector.Bindings, IPBinding.TryParse, (a, b) => a.Equals(b)) ?? connector.Bindings;
        connector.RemoteIPRanges = ConnectorParameters.List<IPRange>(parameters, "RemoteIPRanges", connector.RemoteIPRanges, IPRange.TryParse, (a, b) => a.Equals(b)) ?? connector.RemoteIPRanges;
        connector.PermissionGroups = ConnectorParameters.Flags<PermissionGroups>(parameters, "PermissionGroups") ?? connector.PermissionGroups;
        connector.AuthMechanism = ConnectorParameters.Flags<AuthMechanisms>(parameters, "AuthMechanism") ?? connector.AuthMechanism;
        connector.RequireTLS = parameters.Bool("RequireTLS") ?? connector.RequireTLS;
        if (parameters.String("Fqdn") is { } fqdn)
        {
            connector.Fqdn = SmtpDomain.TryParse(fqdn, allowWildcard: false, out var host, out var error)
                ? host!.ToString().ToLowerInvariant()
                : throw ManagementErrors.InvalidArgument(error!, fqdn);
        }

        if (parameters.Has("Banner"))
        {
            connector.Banner = parameters.String("Banner") is { Length: > 0 } banner ? banner : null;
        }

        // Exchange's ranges: 64 KB to 2 GB less a byte; 1 to 512000 recipients; a second to a day.
        connector.MaxMessageSize = ConnectorParameters.Size(parameters, "MaxMessageSize", 65_536, int.MaxValue) ?? connector.MaxMessageSize;
        connector.MaxRecipientsPerMessage = ConnectorParameters.Int(parameters, "MaxRecipientsPerMessage", 1, 512_000) ?? connector.MaxRecipientsPerMessage;
        connector.ConnectionTimeout = ConnectorParameters.Duration(parameters, "ConnectionTimeout", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)) ?? connector.ConnectionTimeout;
        if (ConnectorParameters.UnlimitedInt(parameters, "MaxInboundConnectionPerSource", 1, 10_000) is (true, var perSource))
        {
            connector.MaxInboundConnectionPerSource = perSource;
        }

        if (ConnectorParameters.UnlimitedInt(parameters, "MaxInboundConnection", 1, int.MaxValue) is (true, var total))
        {
            connector.MaxInboundConnection = total;
        }

        connector.TransportRole = ConnectorParameters.Single<TransportRole>(parameters, "TransportRole") ?? connector.TransportRole;
        connector.Enabled = parameters.Bool("Enabled") ?? connector.Enabled;
    }

    /// <summary>Checks the finished object, then that it doesn't clash with another connector of its server.</summary>
    public static async Task ValidateAsync(CommandContext context, ReceiveConnector connector, CancellationToken cancellationToken)
    {
        ReceiveConnectorRules.Validate(connector);
        await ReceiveConnectorRules.EnsureUniqueOnServerAsync(context, connector, cancellationToken);
    }
}

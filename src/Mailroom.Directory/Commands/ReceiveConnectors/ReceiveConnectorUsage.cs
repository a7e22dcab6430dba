using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Sizes;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

/// <summary>New-ReceiveConnector's <c>-Usage</c> (or its switches): starting settings that explicit parameters override.</summary>
public enum ReceiveConnectorUsage
{
    Custom,
    Internet,
    Internal,
    Client,
    Partner,
}

/// <summary>
/// The presets as Exchange documents them (exchange.md §8.1). A null default binding or range means the parameter
/// is required with that usage, as in Exchange.
/// </summary>
public sealed record ReceiveConnectorPreset(
    PermissionGroups PermissionGroups,
    AuthMechanisms AuthMechanism,
    IReadOnlyList<IPBinding>? Bindings,
    IReadOnlyList<IPRange>? RemoteIPRanges,
    ByteQuantifiedSize MaxMessageSize)
{
    public static readonly string[] SwitchNames = Enum.GetNames<ReceiveConnectorUsage>();

    public static ReceiveConnectorPreset Of(ReceiveConnectorUsage usage) => usage switch
    {
        ReceiveConnectorUsage.Internet => new(PermissionGroups.AnonymousUsers, AuthMechanisms.Tls, null, [IPRange.Parse("0.0.0.0-255.255.255.255")], ReceiveConnector.DefaultMaxMessageSize),
        ReceiveConnectorUsage.Internal => new(
            PermissionGroups.ExchangeServers | PermissionGroups.ExchangeLegacyServers, AuthMechanisms.Tls | AuthMechanisms.ExchangeServer,
            [IPBinding.Parse("0.0.0.0:25")], null, ReceiveConnector.DefaultMaxMessageSize),
        ReceiveConnectorUsage.Client => new(
            PermissionGroups.ExchangeUsers, AuthMechanisms.Tls | AuthMechanisms.Integrated | AuthMechanisms.BasicAuth | AuthMechanisms.BasicAuthRequireTLS,
            [IPBinding.Parse("0.0.0.0:587")], IPRange.Everything, ReceiveConnector.ClientMaxMessageSize),
        ReceiveConnectorUsage.Partner => new(PermissionGroups.Partners, AuthMechanisms.Tls, null, null, ReceiveConnector.DefaultMaxMessageSize),
        _ => new(PermissionGroups.None, AuthMechanisms.Tls, null, null, ReceiveConnector.DefaultMaxMessageSize),
    };

    /// <summary><c>-Usage Internet</c> or the switch <c>-Internet</c>; one at most, Custom when neither is given.</summary>
    public static ReceiveConnectorUsage UsageOf(CommandParameters parameters)
    {
        var switches = SwitchNames.Where(parameters.Switch).Select(Enum.Parse<ReceiveConnectorUsage>).ToList();
        if (ConnectorParameters.Single<ReceiveConnectorUsage>(parameters, "Usage") is { } usage)
        {
            switches.Add(usage);
        }

        return switches.Distinct().ToList() switch
        {
            [] => ReceiveConnectorUsage.Custom,
            [var one] => one,
            _ => throw ManagementErrors.InvalidArgument("Parameter set cannot be resolved using the specified named parameters: give one usage, either -Usage or one of -Custom, -Internet, -Internal, -Client, -Partner."),
        };
    }
}

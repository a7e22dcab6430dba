using System.Globalization;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Rules.Commands;

/// <summary>
/// Test-ClientAccessRule (exchange.md §3.8): the rule that would decide a simulated connection, or nothing when no
/// rule applies (the connection would be allowed). Reads the rules from the directory, not this node's cache, so it
/// answers for the rules as they are now.
/// </summary>
public sealed class TestClientAccessRuleCommand : ManagementCommand
{
    public override string Name => "Test-ClientAccessRule";

    public override bool ChangesConfiguration => false;

    protected override IEnumerable<string> Parameters => ["AuthenticationType", "Protocol", "RemoteAddress", "RemotePort", "User", "OAuthClaims"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var protocolText = parameters.RequiredString(Name, "Protocol");
        var protocol = ClientAccessProtocols.Canonical(protocolText) is { } p && p != ClientAccessProtocols.UniversalOutlook
            ? p
            : throw ManagementErrors.InvalidArgument(
                $"Cannot process argument transformation on parameter 'Protocol'. \"{protocolText}\" isn't valid; use {string.Join(", ", ClientAccessProtocols.All.Where(n => n != ClientAccessProtocols.UniversalOutlook))}.", protocolText);
        var typeText = parameters.RequiredString(Name, "AuthenticationType");
        var type = ClientAccessAuthenticationTypes.Canonical(typeText) ?? throw ManagementErrors.InvalidArgument(
            $"Cannot process argument transformation on parameter 'AuthenticationType'. \"{typeText}\" isn't valid; use {string.Join(", ", ClientAccessAuthenticationTypes.All)}.", typeText);
        if (!ClientAccessAuthenticationTypes.AreConsistent([protocol], [type]))
        {
            throw ManagementErrors.InvalidArgument(ClientAccessAuthenticationTypes.InvalidCombination, "AuthenticationType");
        }

        var addressText = parameters.RequiredString(Name, "RemoteAddress");
        var address = IPAddresses.TryParse(addressText, out var a) ? a : throw ManagementErrors.InvalidArgument(
            $"Cannot process argument transformation on parameter 'RemoteAddress'. \"{addressText}\" isn't an IP address.", addressText);
        var portText = parameters.RequiredString(Name, "RemotePort");
        var port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535 ? n : throw ManagementErrors.InvalidArgument(
            $"Cannot validate argument on parameter 'RemotePort'. The value \"{portText}\" isn't valid: use 1 to 65535.", portText);
        var user = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "User"), cancellationToken);

        var rules = await ClientAccessRuleCache.ReadAsync(context.Reader, cancellationToken);
        rules.Evaluate(new ClientAccessRequest(protocol, address, port, type, ClientAccessUser.Of(user)), out var deciding);
        return deciding is null ? Nothing() : Output(deciding);
    }
}

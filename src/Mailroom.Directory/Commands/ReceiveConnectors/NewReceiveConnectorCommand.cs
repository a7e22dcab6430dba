using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

public sealed class NewReceiveConnectorCommand : ManagementCommand
{
    public override string Name => "New-ReceiveConnector";

    protected override IEnumerable<string> Parameters =>
        ["Name", "Server", "Usage", .. ReceiveConnectorPreset.SwitchNames, .. ReceiveConnectorSettings.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name"));
        var server = parameters.String("Server") is { } serverText
            ? await IdentityResolver.ResolveAsync<Server>(context, serverText, cancellationToken)
            : await LocalServer.GetAsync(context, cancellationToken);
        var usage = ReceiveConnectorPreset.UsageOf(parameters);
        var preset = ReceiveConnectorPreset.Of(usage);
        if (preset.Bindings is null && !parameters.Has("Bindings"))
        {
            throw ManagementErrors.MissingParameter($"{Name} -Usage {usage}", "Bindings");
        }

        if (preset.RemoteIPRanges is null && !parameters.Has("RemoteIPRanges"))
        {
            throw ManagementErrors.MissingParameter($"{Name} -Usage {usage}", "RemoteIPRanges");
        }

        var connector = new ReceiveConnector
        {
            Name = name,
            Server = server.Name,
            Fqdn = server.Fqdn,
            PermissionGroups = preset.PermissionGroups,
            AuthMechanism = preset.AuthMechanism,
            Bindings = [.. preset.Bindings ?? []],
            RemoteIPRanges = [.. preset.RemoteIPRanges ?? []],
            MaxMessageSize = preset.MaxMessageSize,
            DistinguishedName = context.Names.ReceiveConnector(server.Name, name),
        };
        ReceiveConnectorSettings.Apply(connector, parameters);
        await ReceiveConnectorSettings.ValidateAsync(context, connector, cancellationToken);
        await DirectoryWrites.AddAsync(context, connector, cancellationToken);
        return Output(connector);
    }
}

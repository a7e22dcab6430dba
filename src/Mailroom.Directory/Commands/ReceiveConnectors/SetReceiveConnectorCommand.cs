using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ReceiveConnectors;

public sealed class SetReceiveConnectorCommand : ManagementCommand
{
    public override string Name => "Set-ReceiveConnector";

    protected override IEnumerable<string> Parameters => ["Identity", "Name", .. ReceiveConnectorSettings.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var connector = await IdentityResolver.ResolveAsync<ReceiveConnector>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.String("Name") is { } name)
        {
            connector.Name = DirectoryWrites.ValidName(name);
            connector.DistinguishedName = context.Names.ReceiveConnector(connector.Server, connector.Name);
        }

        ReceiveConnectorSettings.Apply(connector, parameters);
        await ReceiveConnectorSettings.ValidateAsync(context, connector, cancellationToken);
        await DirectoryWrites.UpdateAsync(context, connector, cancellationToken);
        return Nothing();
    }
}

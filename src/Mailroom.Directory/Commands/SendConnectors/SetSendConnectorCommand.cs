using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.SendConnectors;

public sealed class SetSendConnectorCommand : ManagementCommand
{
    public override string Name => "Set-SendConnector";

    protected override IEnumerable<string> Parameters => ["Identity", "Name", .. SendConnectorSettings.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var connector = await IdentityResolver.ResolveAsync<SendConnector>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.String("Name") is { } name)
        {
            connector.Name = DirectoryWrites.ValidName(name);
            connector.DistinguishedName = context.Names.SendConnector(connector.Name);
        }

        await SendConnectorSettings.ApplyAsync(context, connector, parameters, cancellationToken);
        await DirectoryWrites.UpdateAsync(context, connector, cancellationToken);
        return Nothing();
    }
}

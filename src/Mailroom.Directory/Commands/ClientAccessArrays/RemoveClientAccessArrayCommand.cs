using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

public sealed class RemoveClientAccessArrayCommand : ManagementCommand
{
    public override string Name => "Remove-ClientAccessArray";

    protected override IEnumerable<string> Parameters => ["Identity"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var array = await IdentityResolver.ResolveAsync<ClientAccessArray>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        await context.Writer.DeleteAsync(array.Guid, cancellationToken);
        return Nothing();
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

public sealed class GetClientAccessArrayCommand : ManagementCommand
{
    public override string Name => "Get-ClientAccessArray";

    protected override IEnumerable<string> Parameters => ["Identity", "Site"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var arrays = parameters.String("Identity") is { } identity
            ? [await IdentityResolver.ResolveAsync<ClientAccessArray>(context, identity, cancellationToken)]
            : await context.Reader.ListAsync<ClientAccessArray>(cancellationToken).ToListAsync(cancellationToken);
        var site = parameters.String("Site") is { } s ? (await IdentityResolver.ResolveAsync<Site>(context, s, cancellationToken)).Name : null;
        var output = new List<object>();
        foreach (var array in arrays.Where(a => site is null || a.Site.Equals(site, StringComparison.OrdinalIgnoreCase)))
        {
            output.Add(await ClientAccessArrays.WithMembersAsync(context, array, cancellationToken));
        }

        return output;
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

public sealed class NewClientAccessArrayCommand : ManagementCommand
{
    public override string Name => "New-ClientAccessArray";

    protected override IEnumerable<string> Parameters => ["Name", "Fqdn", "Site"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var fqdn = ClientAccessArrays.ValidFqdn(parameters.RequiredString(Name, "Fqdn"));
        var site = await IdentityResolver.ResolveAsync<Site>(context, parameters.RequiredString(Name, "Site"), cancellationToken);

        // Exchange names the array after the host part of its FQDN when no name is given.
        var name = DirectoryWrites.ValidName(parameters.String("Name") ?? fqdn.Split('.')[0]);
        await ClientAccessArrays.EnsureSiteFreeAsync(context, site.Name, Guid.Empty, cancellationToken);
        var array = new ClientAccessArray
        {
            Name = name,
            Fqdn = fqdn,
            Site = site.Name,
            DistinguishedName = context.Names.ClientAccessArray(name),
            ExchangeLegacyDN = context.Names.ClientAccessArrayLegacyDN(name),
        };
        await DirectoryWrites.AddAsync(context, array, cancellationToken);
        return Output(await ClientAccessArrays.WithMembersAsync(context, array, cancellationToken));
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

public sealed class SetClientAccessArrayCommand : ManagementCommand
{
    public override string Name => "Set-ClientAccessArray";

    protected override IEnumerable<string> Parameters => ["Identity", "Name", "Fqdn", "Site"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var array = await IdentityResolver.ResolveAsync<ClientAccessArray>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.String("Fqdn") is { } fqdn)
        {
            array.Fqdn = ClientAccessArrays.ValidFqdn(fqdn);
        }

        if (parameters.String("Site") is { } siteText)
        {
            var site = await IdentityResolver.ResolveAsync<Site>(context, siteText, cancellationToken);
            await ClientAccessArrays.EnsureSiteFreeAsync(context, site.Name, array.Guid, cancellationToken);
            array.Site = site.Name;
        }

        if (parameters.String("Name") is { } name)
        {
            array.Name = DirectoryWrites.ValidName(name);
            array.DistinguishedName = context.Names.ClientAccessArray(array.Name);
            array.ExchangeLegacyDN = context.Names.ClientAccessArrayLegacyDN(array.Name);
        }

        array.Members = [];
        await DirectoryWrites.UpdateAsync(context, array, cancellationToken);
        return Nothing();
    }
}

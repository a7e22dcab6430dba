using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

public sealed class GetClientAccessArrayCommand : GetObjectCommand<ClientAccessArray>
{
    public override string Name => "Get-ClientAccessArray";

    protected override IEnumerable<string> OtherParameters => ["Site"];

    protected override async ValueTask<bool> IncludeAsync(CommandContext context, CommandParameters parameters, ClientAccessArray array, CancellationToken cancellationToken) =>
        parameters.String("Site") is not { } site
        || array.Site.Equals((await IdentityResolver.ResolveAsync<Site>(context, site, cancellationToken)).Name, StringComparison.OrdinalIgnoreCase);

    protected override async ValueTask<object> PresentAsync(CommandContext context, CommandParameters parameters, ClientAccessArray array, CancellationToken cancellationToken) =>
        await ClientAccessArrays.WithMembersAsync(context, array, cancellationToken);
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

public sealed class GetExchangeServerCommand : ManagementCommand
{
    public override string Name => "Get-ExchangeServer";

    protected override IEnumerable<string> Parameters => ["Identity", "Status"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            return Output(await IdentityResolver.ResolveAsync<Server>(context, identity, cancellationToken));
        }

        return await context.Reader.ListAsync<Server>(cancellationToken).ToListAsync<object>(cancellationToken);
    }
}

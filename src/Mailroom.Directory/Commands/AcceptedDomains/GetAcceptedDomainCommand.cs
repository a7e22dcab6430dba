using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.AcceptedDomains;

public sealed class GetAcceptedDomainCommand : ManagementCommand
{
    public override string Name => "Get-AcceptedDomain";

    protected override IEnumerable<string> Parameters => ["Identity", "ResultSize"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            return Output(await IdentityResolver.ResolveAsync<AcceptedDomain>(context, identity, cancellationToken));
        }

        return await context.Reader.ListAsync<AcceptedDomain>(cancellationToken).ToListAsync<object>(cancellationToken);
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

public sealed class GetEmailAddressPolicyCommand : ManagementCommand
{
    public override string Name => "Get-EmailAddressPolicy";

    protected override IEnumerable<string> Parameters => ["Identity", "IncludeMailboxSettingOnlyPolicy"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.String("Identity") is { } identity)
        {
            return Output(await IdentityResolver.ResolveAsync<EmailAddressPolicy>(context, identity, cancellationToken));
        }

        var all = await context.Reader.ListAsync<EmailAddressPolicy>(cancellationToken).ToListAsync(cancellationToken);
        return all.OrderBy(p => p.Priority.Value).ToList<object>();
    }
}

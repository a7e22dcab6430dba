using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>Removes a policy; recipients keep every address it gave them (Exchange never deletes addresses).</summary>
public sealed class RemoveEmailAddressPolicyCommand : ManagementCommand
{
    public override string Name => "Remove-EmailAddressPolicy";

    protected override IEnumerable<string> Parameters => ["Identity"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var policy = await IdentityResolver.ResolveAsync<EmailAddressPolicy>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (policy.IsDefault)
        {
            throw ManagementErrors.InvalidOperation("The default email address policy can't be removed.", policy.Name);
        }

        await context.Writer.DeleteAsync(policy.Guid, cancellationToken);
        await PolicyPriorities.CompactAsync(context, cancellationToken);
        return Nothing();
    }
}

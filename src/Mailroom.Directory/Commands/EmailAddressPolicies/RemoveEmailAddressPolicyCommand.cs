using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>Removes a policy; recipients keep every address it gave them (Exchange never deletes addresses).</summary>
public sealed class RemoveEmailAddressPolicyCommand : RemoveObjectCommand<EmailAddressPolicy>
{
    public override string Name => "Remove-EmailAddressPolicy";

    protected override Task BeforeRemoveAsync(CommandContext context, EmailAddressPolicy policy, CancellationToken cancellationToken) =>
        policy.IsDefault
            ? throw ManagementErrors.InvalidOperation("The default email address policy can't be removed.", policy.Name)
            : Task.CompletedTask;

    protected override Task AfterRemoveAsync(CommandContext context, CancellationToken cancellationToken) =>
        PolicyPriorities.CompactAsync(context, cancellationToken);
}

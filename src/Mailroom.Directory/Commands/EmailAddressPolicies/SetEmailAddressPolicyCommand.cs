using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

public sealed class SetEmailAddressPolicyCommand : ManagementCommand
{
    public override string Name => "Set-EmailAddressPolicy";

    protected override IEnumerable<string> Parameters => ["Identity", "Name", "ForceUpgrade", .. EmailAddressPolicyParameters.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var policy = await IdentityResolver.ResolveAsync<EmailAddressPolicy>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (policy.IsDefault && (parameters.Has("Name") || parameters.Has("Priority")))
        {
            throw ManagementErrors.InvalidOperation("The default email address policy can't be renamed or given another priority; only its templates can change.", policy.Name);
        }

        if (parameters.String("Name") is { } name)
        {
            policy.Name = DirectoryWrites.ValidName(name);
            policy.DistinguishedName = context.Names.EmailAddressPolicy(policy.Name);
        }

        await EmailAddressPolicyParameters.ApplyAsync(context, policy, parameters, cancellationToken);
        policy.RecipientFilterApplied = false;
        if (parameters.Has("Priority"))
        {
            await PolicyPriorities.PlaceAsync(context, policy, PolicyPriorities.Parse(parameters), cancellationToken);
        }

        await DirectoryWrites.UpdateAsync(context, policy, cancellationToken);
        return Nothing();
    }
}

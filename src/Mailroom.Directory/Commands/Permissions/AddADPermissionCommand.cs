using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Permissions;

/// <summary>Add-ADPermission -Identity &lt;mailbox&gt; -User &lt;user&gt; -ExtendedRights "Send As".</summary>
public sealed class AddADPermissionCommand : ManagementCommand
{
    public override string Name => "Add-ADPermission";

    protected override IEnumerable<string> Parameters => ["Identity", "User", "ExtendedRights", "AccessRights"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        ExtendedRights.EnsureSendAs(parameters.Multi("ExtendedRights"));
        var target = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var user = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "User"), cancellationToken);
        if (!target.SendAsTrustees.Contains(user.Guid))
        {
            target.SendAsTrustees.Add(user.Guid);
            await DirectoryWrites.UpdateAsync(context, target, cancellationToken);
        }

        return Output(new ADPermission(target.Identity, user.Identity, [ExtendedRights.SendAs], Deny: false, IsInherited: false));
    }
}

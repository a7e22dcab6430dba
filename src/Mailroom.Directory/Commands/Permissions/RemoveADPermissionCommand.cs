using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Permissions;

public sealed class RemoveADPermissionCommand : ManagementCommand
{
    public override string Name => "Remove-ADPermission";

    protected override IEnumerable<string> Parameters => ["Identity", "User", "ExtendedRights", "AccessRights"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        ExtendedRights.EnsureSendAs(parameters.Multi("ExtendedRights"));
        var target = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var user = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "User"), cancellationToken);
        if (!target.SendAsTrustees.Remove(user.Guid))
        {
            throw ManagementErrors.InvalidOperation($"\"{user.Identity}\" doesn't have the Send As right on \"{target.Identity}\".", user.Identity);
        }

        await DirectoryWrites.UpdateAsync(context, target, cancellationToken);
        return Nothing();
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Permissions;

/// <summary>Get-ADPermission -Identity &lt;mailbox&gt; [-User]: the Send As grants on a mailbox.</summary>
public sealed class GetADPermissionCommand : ManagementCommand
{
    public override string Name => "Get-ADPermission";

    protected override IEnumerable<string> Parameters => ["Identity", "User"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var target = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var only = parameters.String("User") is { } u ? (await IdentityResolver.ResolveAsync<Mailbox>(context, u, cancellationToken)).Guid : (Guid?)null;
        var output = new List<object>();
        foreach (var trustee in target.SendAsTrustees.Where(t => only is null || t == only))
        {
            var user = await context.Reader.GetAsync(trustee, cancellationToken);
            output.Add(new ADPermission(target.Identity, user?.Identity ?? trustee.ToString(), [ExtendedRights.SendAs], false, false));
        }

        return output;
    }
}

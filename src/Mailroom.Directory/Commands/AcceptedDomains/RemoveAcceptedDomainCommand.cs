using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.AcceptedDomains;

public sealed class RemoveAcceptedDomainCommand : RemoveObjectCommand<AcceptedDomain>
{
    public override string Name => "Remove-AcceptedDomain";

    protected override async Task BeforeRemoveAsync(CommandContext context, AcceptedDomain domain, CancellationToken cancellationToken)
    {
        if (domain.Default)
        {
            throw ManagementErrors.InvalidOperation(
                $"The accepted domain \"{domain.Name}\" is the default domain and can't be removed. Make another accepted domain the default first.", domain.Name);
        }

        var users = await AcceptedDomainRules.PoliciesUsingAsync(context, domain, cancellationToken);
        if (users.Count > 0)
        {
            throw ManagementErrors.InvalidOperation(
                $"The accepted domain \"{domain.Name}\" can't be removed because it's used by the email address policies {string.Join(", ", users.Select(p => $"\"{p.Name}\""))}. Remove the domain from those policies first.", domain.Name);
        }
    }
}

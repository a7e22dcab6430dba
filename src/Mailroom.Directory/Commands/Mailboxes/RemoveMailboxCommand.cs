using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>Removes the user and its mailbox, its password and its role group memberships, in one transaction.</summary>
public sealed class RemoveMailboxCommand : RemoveObjectCommand<Mailbox>
{
    public override string Name => "Remove-Mailbox";

    protected override IEnumerable<string> OtherParameters => ["Permanent"];

    protected override async Task BeforeRemoveAsync(CommandContext context, Mailbox mailbox, CancellationToken cancellationToken)
    {
        await foreach (var group in context.Reader.ListAsync<RoleGroup>(cancellationToken))
        {
            if (group.Name == RoleGroup.OrganizationManagement && group.Members.SequenceEqual([mailbox.Guid]))
            {
                throw ManagementErrors.InvalidOperation(
                    $"\"{mailbox.Name}\" is the last member of the Organization Management role group; removing it would leave nobody able to manage the organization.", mailbox.Identity);
            }

            if (group.Members.Remove(mailbox.Guid))
            {
                await DirectoryWrites.UpdateAsync(context, group, cancellationToken);
            }
        }

        var granted = new List<Guid>();
        await foreach (var other in context.Reader.ListAsync<Mailbox>(cancellationToken))
        {
            if (other.SendAsTrustees.Contains(mailbox.Guid))
            {
                granted.Add(other.Guid);
            }
        }

        foreach (var id in granted)
        {
            var other = (Mailbox)(await context.Reader.GetAsync(id, cancellationToken))!;
            other.SendAsTrustees.Remove(mailbox.Guid);
            await DirectoryWrites.UpdateAsync(context, other, cancellationToken);
        }
    }
}

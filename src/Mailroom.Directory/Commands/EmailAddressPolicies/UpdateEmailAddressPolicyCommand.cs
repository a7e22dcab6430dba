using Mailroom.Directory.Commands.Mailboxes;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>
/// Applies a policy to every recipient it stamps (first match in priority order) whose EmailAddressPolicyEnabled
/// is true, all in the command's one transaction: either every recipient is updated or none is.
/// </summary>
public sealed class UpdateEmailAddressPolicyCommand : ManagementCommand
{
    public override string Name => "Update-EmailAddressPolicy";

    protected override IEnumerable<string> Parameters => ["Identity", "FixMissingAlias", "UpdateSecondaryAddressesOnly"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var policy = await IdentityResolver.ResolveAsync<EmailAddressPolicy>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var engine = await EmailAddressPolicyEngine.LoadAsync(context.Reader, cancellationToken);
        var secondaryOnly = parameters.Switch("UpdateSecondaryAddressesOnly");
        var fixAlias = parameters.Switch("FixMissingAlias");

        // Collect GUIDs first (not objects, to stay small for large organizations), then update one by one.
        var stamped = new List<Guid>();
        await foreach (var mailbox in context.Reader.ListAsync<Mailbox>(cancellationToken))
        {
            FixAlias(mailbox, fixAlias);
            if (mailbox.EmailAddressPolicyEnabled && engine.PolicyFor(mailbox)?.Guid == policy.Guid)
            {
                stamped.Add(mailbox.Guid);
            }
        }

        foreach (var id in stamped)
        {
            var mailbox = (Mailbox)(await context.Reader.GetAsync(id, cancellationToken))!;
            FixAlias(mailbox, fixAlias);
            await engine.ApplyAsync(context.Reader, mailbox, secondaryOnly, cancellationToken);
            await DirectoryWrites.UpdateAsync(context, mailbox, cancellationToken);
        }

        policy.RecipientFilterApplied = true;
        await DirectoryWrites.UpdateAsync(context, policy, cancellationToken);
        return Nothing();
    }

    private static void FixAlias(Mailbox mailbox, bool fixAlias)
    {
        if (fixAlias && mailbox.Alias.Length == 0)
        {
            mailbox.Alias = MailboxNaming.AliasFrom(mailbox.Name);
        }
    }
}

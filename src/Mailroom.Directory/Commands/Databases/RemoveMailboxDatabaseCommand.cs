using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Databases;

public sealed class RemoveMailboxDatabaseCommand : RemoveObjectCommand<MailboxDatabase>
{
    public override string Name => "Remove-MailboxDatabase";

    protected override async Task BeforeRemoveAsync(CommandContext context, MailboxDatabase database, CancellationToken cancellationToken)
    {
        await foreach (var mailbox in context.Reader.ListAsync<Mailbox>(cancellationToken))
        {
            if (mailbox.Database.Equals(database.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw ManagementErrors.InvalidOperation(
                    $"This mailbox database contains one or more mailboxes. To get a list of all mailboxes in this database, run the command Get-Mailbox -Database \"{database.Name}\". Before you can remove this mailbox database, you must disable, move, or remove the mailboxes.",
                    database.Name);
            }
        }
    }
}

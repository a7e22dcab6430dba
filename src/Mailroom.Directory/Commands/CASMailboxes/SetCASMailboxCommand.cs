using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.CASMailboxes;

/// <summary>
/// Set-CASMailbox: turns a mailbox's protocols on or off. IMAP, POP3 and SMTP submission (Exchange Online's
/// <c>SmtpClientAuthenticationDisabled</c>) refuse the login of a mailbox whose switch is off, and the open sessions
/// of that protocol end at their next check.
/// </summary>
public sealed class SetCASMailboxCommand : ManagementCommand
{
    private static readonly string[] Switches = ["ImapEnabled", "PopEnabled", "OWAEnabled", "EwsEnabled", "ActiveSyncEnabled", "MAPIEnabled"];

    public override string Name => "Set-CASMailbox";

    protected override IEnumerable<string> Parameters => ["Identity", "SmtpClientAuthenticationDisabled", .. Switches];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var mailbox = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        mailbox.ImapEnabled = parameters.Bool("ImapEnabled") ?? mailbox.ImapEnabled;
        mailbox.PopEnabled = parameters.Bool("PopEnabled") ?? mailbox.PopEnabled;
        mailbox.OWAEnabled = parameters.Bool("OWAEnabled") ?? mailbox.OWAEnabled;
        mailbox.EwsEnabled = parameters.Bool("EwsEnabled") ?? mailbox.EwsEnabled;
        mailbox.ActiveSyncEnabled = parameters.Bool("ActiveSyncEnabled") ?? mailbox.ActiveSyncEnabled;
        mailbox.MAPIEnabled = parameters.Bool("MAPIEnabled") ?? mailbox.MAPIEnabled;
        if (parameters.Has("SmtpClientAuthenticationDisabled"))
        {
            mailbox.SmtpClientAuthenticationDisabled = parameters.Bool("SmtpClientAuthenticationDisabled");
        }

        await DirectoryWrites.UpdateAsync(context, mailbox, cancellationToken);
        return Nothing();
    }
}

using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Security;

namespace Mailroom.Directory.Commands.Mailboxes;

public sealed class SetMailboxCommand : ManagementCommand
{
    public override string Name => "Set-Mailbox";

    protected override IEnumerable<string> Parameters =>
    [
        "Identity", "Name", "Alias", "UserPrincipalName", "SamAccountName", "PrimarySmtpAddress", "EmailAddresses",
        "EmailAddressPolicyEnabled", "IssueWarningQuota", "ProhibitSendQuota", "ProhibitSendReceiveQuota",
        "UseDatabaseQuotaDefaults", "Password", "AccountDisabled", .. MailboxAttributes.Names,
    ];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var mailbox = await IdentityResolver.ResolveAsync<Mailbox>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        if (parameters.String("Name") is { } name)
        {
            mailbox.Name = DirectoryWrites.ValidName(name);
            mailbox.DistinguishedName = context.Names.User(mailbox.Name);
            mailbox.CanonicalName = context.Names.UserCanonicalName(mailbox.Name);
        }

        if (parameters.String("Alias") is { } alias)
        {
            mailbox.Alias = MailboxNaming.ValidAlias(alias);
        }

        if (parameters.String("SamAccountName") is { } sam)
        {
            mailbox.SamAccountName = MailboxNaming.ValidSamAccountName(sam);
        }

        MailboxAttributes.Apply(mailbox, parameters);
        ApplyQuotas(mailbox, parameters);
        await MailboxAddressRules.ApplyEditsAsync(context, mailbox, parameters, cancellationToken);
        mailbox.EmailAddressPolicyEnabled = parameters.Bool("EmailAddressPolicyEnabled") ?? mailbox.EmailAddressPolicyEnabled;

        // Exchange Online's Set-Mailbox/Set-User -AccountDisabled: no sign-in, and open IMAP/POP3 sessions end.
        mailbox.AccountDisabled = parameters.Bool("AccountDisabled") ?? mailbox.AccountDisabled;

        // Exchange re-evaluates policy on every save of a recipient whose addresses the policy manages.
        await MailboxAddressRules.ApplyPolicyAsync(context, mailbox, cancellationToken);
        if (parameters.String("UserPrincipalName") is { } upn)
        {
            mailbox.UserPrincipalName = MailboxNaming.ValidUserPrincipalName(upn);
        }

        await DirectoryWrites.UpdateAsync(context, mailbox, cancellationToken);
        if (parameters.Has("Password"))
        {
            var password = MailboxNaming.ValidPassword(parameters.String("Password"));
            await context.Writer.SetPasswordHashAsync(mailbox.Guid, PasswordHasher.Hash(password), cancellationToken);
        }

        return Nothing();
    }

    private static void ApplyQuotas(Mailbox mailbox, CommandParameters p)
    {
        mailbox.IssueWarningQuota = p.Quota("IssueWarningQuota") ?? mailbox.IssueWarningQuota;
        mailbox.ProhibitSendQuota = p.Quota("ProhibitSendQuota") ?? mailbox.ProhibitSendQuota;
        mailbox.ProhibitSendReceiveQuota = p.Quota("ProhibitSendReceiveQuota") ?? mailbox.ProhibitSendReceiveQuota;
        mailbox.UseDatabaseQuotaDefaults = p.Bool("UseDatabaseQuotaDefaults") ?? mailbox.UseDatabaseQuotaDefaults;
        QuotaRules.Validate(mailbox.IssueWarningQuota, mailbox.ProhibitSendQuota, mailbox.ProhibitSendReceiveQuota);
    }
}

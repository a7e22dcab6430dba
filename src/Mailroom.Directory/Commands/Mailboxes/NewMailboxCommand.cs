using Mailroom.Directory.Commands.EmailAddressPolicies;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Security;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>
/// Creates a user with a mailbox the way a small-business add-user wizard does: addresses from the email address
/// policy, UPN equal to the primary SMTP address, a database chosen automatically, the database's default quotas.
/// </summary>
public sealed class NewMailboxCommand : ManagementCommand
{
    public override string Name => "New-Mailbox";

    protected override IEnumerable<string> Parameters =>
    [
        "Name", "Alias", "DisplayName", "FirstName", "LastName", "Initials", "Password", "UserPrincipalName",
        "PrimarySmtpAddress", "Database", "SamAccountName", "OrganizationalUnit", "ResetPasswordOnNextLogon",
    ];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name"));
        var password = MailboxNaming.ValidPassword(parameters.String("Password") ?? throw ManagementErrors.MissingParameter(Name, "Password"));
        if (parameters.String("OrganizationalUnit") is { } ou)
        {
            EmailAddressPolicyParameters.RecipientContainerOf(context, ou);
        }

        var alias = MailboxNaming.ValidAlias(parameters.String("Alias") ?? await MailboxNaming.AliasFromAsync(context.Reader, name, cancellationToken));
        var mailbox = new Mailbox
        {
            Guid = Guid.NewGuid(),
            Name = name,
            Alias = alias,
            DisplayName = parameters.String("DisplayName") ?? name,
            FirstName = parameters.String("FirstName"),
            LastName = parameters.String("LastName"),
            Initials = parameters.String("Initials"),
            SamAccountName = MailboxNaming.ValidSamAccountName(parameters.String("SamAccountName") ?? await MailboxNaming.SamAccountNameFromAsync(context.Reader, alias, cancellationToken)),
            Database = (await DatabaseFor(context, parameters.String("Database"), cancellationToken)).Name,
            DistinguishedName = context.Names.User(name),
            CanonicalName = context.Names.UserCanonicalName(name),
        };
        mailbox.ExchangeLegacyDN = context.Names.RecipientLegacyDN(mailbox.Guid, alias);

        if (parameters.String("PrimarySmtpAddress") is { } primary)
        {
            mailbox.EmailAddressPolicyEnabled = false;
            await MailboxAddressRules.SetPrimaryAsync(context, mailbox, primary, cancellationToken);
        }
        else
        {
            await MailboxAddressRules.ApplyPolicyAsync(context, mailbox, cancellationToken);
        }

        if (parameters.String("UserPrincipalName") is { } upn)
        {
            mailbox.UserPrincipalName = MailboxNaming.ValidUserPrincipalName(upn);
        }

        await DirectoryWrites.AddAsync(context, mailbox, cancellationToken);
        await context.Writer.SetPasswordHashAsync(mailbox.Guid, PasswordHasher.Hash(password), cancellationToken);
        return Output(mailbox);
    }

    /// <summary>The named database, or automatic distribution: the first database not excluded from provisioning.</summary>
    private static async Task<MailboxDatabase> DatabaseFor(CommandContext context, string? identity, CancellationToken cancellationToken)
    {
        if (identity is not null)
        {
            return await IdentityResolver.ResolveAsync<MailboxDatabase>(context, identity, cancellationToken);
        }

        await foreach (var database in context.Reader.ListAsync<MailboxDatabase>(cancellationToken))
        {
            if (!database.IsExcludedFromProvisioning && !database.Recovery)
            {
                return database;
            }
        }

        throw ManagementErrors.InvalidOperation("No mailbox database is available for new mailboxes. Create one with New-MailboxDatabase or use -Database.");
    }
}

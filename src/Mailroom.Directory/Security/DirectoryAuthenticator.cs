using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Security;

namespace Mailroom.Directory.Security;

/// <summary>
/// Checks a user name and password against the directory and works out the caller's management rights.
/// The user name may be the UPN, any SMTP address, the alias or <c>DOMAIN\alias</c>. Wrong user and wrong
/// password give the same null answer, so a caller can't probe for accounts.
/// </summary>
public sealed class DirectoryAuthenticator(IDirectoryStore store)
{
    /// <summary>A fixed hash to verify against when the user doesn't exist, so both failures take as long.</summary>
    private static readonly string DecoyHash = PasswordHasher.Hash(Guid.NewGuid().ToString());

    public Task<Caller?> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken = default) =>
        store.ReadAsync(async reader =>
        {
            var mailbox = await FindAsync(reader, userName, cancellationToken);
            var hash = mailbox is null ? null : await reader.GetPasswordHashAsync(mailbox.Guid, cancellationToken);
            var valid = PasswordHasher.Verify(password, hash ?? DecoyHash) && hash is not null;
            if (!valid || mailbox!.AccountDisabled)
            {
                return null;
            }

            var (read, change) = (false, false);
            await foreach (var group in reader.ListAsync<RoleGroup>(cancellationToken))
            {
                if (group.Members.Contains(mailbox.Guid))
                {
                    change |= group.Name == RoleGroup.OrganizationManagement;
                    read |= group.Name is RoleGroup.OrganizationManagement or RoleGroup.ViewOnlyOrganizationManagement;
                }
            }

            return new Caller(mailbox.Guid, mailbox.UserPrincipalName, read, change);
        }, cancellationToken);

    private static async Task<Mailbox?> FindAsync(IDirectoryReader reader, string userName, CancellationToken cancellationToken)
    {
        userName = userName.Trim();
        var bare = userName.Contains('\\') ? userName[(userName.IndexOf('\\') + 1)..] : null;
        string[] keys = bare is not null
            ? [DirectoryKey.SamAccountName(bare), DirectoryKey.Alias(bare)]
            : [DirectoryKey.UserPrincipalName(userName), DirectoryKey.SmtpAddress(userName), DirectoryKey.Alias(userName)];
        foreach (var key in keys)
        {
            if (await reader.FindByKeyAsync(key, cancellationToken) is { } id && await reader.GetAsync(id, cancellationToken) is Mailbox mailbox)
            {
                return mailbox;
            }
        }

        return null;
    }
}

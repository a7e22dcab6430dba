using System.Globalization;
using System.Text;
using Mailroom.Addressing;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>Defaults and checks for a mailbox's alias and SAM account name.</summary>
public static class MailboxNaming
{
    /// <summary>AD's pre-Windows 2000 logon name is at most 20 characters.</summary>
    private const int SamAccountNameMax = 20;

    /// <summary>The alias Exchange derives from a name: the characters an address local part allows, spaces dropped.</summary>
    public static string AliasFrom(string name)
    {
        var alias = new StringBuilder();
        foreach (var c in AccentFolding.Fold(name))
        {
            if (c < 128 && (SmtpAddress.IsAtomChar(c) || c == '.'))
            {
                alias.Append(c);
            }
        }

        var cleaned = string.Join('.', alias.ToString().Split('.', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length > 0 ? cleaned : "user";
    }

    public static string ValidAlias(string alias)
    {
        alias = alias.Trim();
        if (!SmtpAddress.IsValidLocalPart(alias))
        {
            throw ManagementErrors.InvalidArgument(
                $"The alias \"{alias}\" is invalid. An alias has 1 to 64 letters, digits and the characters !#$%&'*+-/=?^_`{{|}}~, with single periods between them.", alias);
        }

        return alias;
    }

    /// <summary>
    /// A SAM account name derived from the alias: its first 20 characters, numbered (<c>christopher.alexa2</c>)
    /// when another user already has them, as AD tools do for pre-Windows 2000 logon names.
    /// </summary>
    public static Task<string> SamAccountNameFromAsync(IDirectoryReader reader, string alias, CancellationToken cancellationToken) =>
        FreeAsync(reader, alias, SamAccountNameMax, DirectoryKey.SamAccountName, cancellationToken);

    /// <summary>An alias derived from a name, numbered when another recipient has it.</summary>
    public static Task<string> AliasFromAsync(IDirectoryReader reader, string name, CancellationToken cancellationToken) =>
        FreeAsync(reader, AliasFrom(name), 64, DirectoryKey.Alias, cancellationToken);

    private static async Task<string> FreeAsync(IDirectoryReader reader, string wanted, int max, Func<string, string> key, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? string.Empty : n.ToString(CultureInfo.InvariantCulture);
            var candidate = wanted[..Math.Min(wanted.Length, max - suffix.Length)].TrimEnd('.') + suffix;
            if (await reader.FindByKeyAsync(key(candidate), cancellationToken) is null)
            {
                return candidate;
            }
        }
    }

    public static string ValidSamAccountName(string sam)
    {
        sam = sam.Trim();
        if (sam.Length is 0 or > SamAccountNameMax || sam.IndexOfAny(['"', '/', '\\', '[', ']', ':', ';', '|', '=', ',', '+', '*', '?', '<', '>', '@']) >= 0)
        {
            throw ManagementErrors.InvalidArgument($"The SAM account name \"{sam}\" is invalid: it has 1 to 20 characters and none of \" / \\ [ ] : ; | = , + * ? < > @.", sam);
        }

        return sam;
    }

    public static string ValidUserPrincipalName(string upn)
    {
        if (!SmtpAddress.TryParse(upn, out var parsed))
        {
            throw ManagementErrors.InvalidArgument($"The user principal name \"{upn}\" is invalid: it has the form user@domain.", upn);
        }

        return parsed!.ToString();
    }

    /// <summary>Active Directory's default policy asks for at least 8 characters; the message is AD's.</summary>
    public static string ValidPassword(string? password)
    {
        if (password is null || password.Length < 8)
        {
            throw new ManagementException(
                "PasswordPolicyViolation", "InvalidArgument",
                "The password does not meet the length, complexity, or history requirement of the domain. Use at least 8 characters.");
        }

        return password;
    }
}

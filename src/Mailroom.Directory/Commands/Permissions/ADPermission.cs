using Mailroom.Directory.Management;

namespace Mailroom.Directory.Commands.Permissions;

/// <summary>One permission entry as Get-ADPermission shows it.</summary>
public sealed record ADPermission(string Identity, string User, IReadOnlyList<string> ExtendedRights, bool Deny, bool IsInherited);

/// <summary>The extended rights Mailroom knows; only Send As so far.</summary>
public static class ExtendedRights
{
    public const string SendAs = "Send-As";

    /// <summary>Accepts "Send As" and "Send-As" (Exchange accepts both spellings); refuses the rest clearly.</summary>
    public static void EnsureSendAs(MultiValuedUpdate? rights)
    {
        var values = rights?.Replacement ?? throw ManagementErrors.InvalidArgument("Specify -ExtendedRights \"Send As\".");
        var unknown = values.FirstOrDefault(v => !v.Replace(' ', '-').Equals(SendAs, StringComparison.OrdinalIgnoreCase));
        if (values.Count == 0 || unknown is not null)
        {
            throw ManagementErrors.InvalidArgument(
                $"The extended right \"{unknown}\" isn't supported; Mailroom supports only \"Send As\" (which lets a user send as another recipient's address).", unknown);
        }
    }
}

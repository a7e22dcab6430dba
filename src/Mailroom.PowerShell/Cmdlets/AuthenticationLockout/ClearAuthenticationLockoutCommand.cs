using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.AuthenticationLockout;

/// <summary>Clear-AuthenticationLockout: lets an account or address (or, without -Identity, everyone) sign in again at once.</summary>
[Cmdlet(VerbsCommon.Clear, "AuthenticationLockout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class ClearAuthenticationLockoutCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }
}

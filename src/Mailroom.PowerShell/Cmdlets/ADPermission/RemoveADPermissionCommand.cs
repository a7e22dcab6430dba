using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ADPermission;

/// <summary>Remove-ADPermission: the Send As right on a mailbox, with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Remove, "ADPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject))]
public sealed class RemoveADPermissionCommand : MailroomCmdlet
{
    /// <summary>The mailbox the right is on; objects piped from Get-Mailbox bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(Mandatory = true)]
    public string? User { get; set; }

    [Parameter(Mandatory = true)]
    public string[]? ExtendedRights { get; set; }

    [Parameter]
    public string[]? AccessRights { get; set; }
}

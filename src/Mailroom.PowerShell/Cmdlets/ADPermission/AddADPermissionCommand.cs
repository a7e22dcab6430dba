using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ADPermission;

/// <summary>Add-ADPermission: the Send As right on a mailbox, with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Add, "ADPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class AddADPermissionCommand : MailroomCmdlet
{
    /// <summary>The mailbox the right is on; objects piped from Get-Mailbox bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(Mandatory = true)]
    public string? User { get; set; }

    /// <summary>"Send As" (the one extended right Mailroom supports).</summary>
    [Parameter(Mandatory = true)]
    public string[]? ExtendedRights { get; set; }

    [Parameter]
    public string[]? AccessRights { get; set; }
}

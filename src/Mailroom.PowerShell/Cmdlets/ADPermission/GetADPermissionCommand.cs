using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ADPermission;

/// <summary>Get-ADPermission: the Send As right on a mailbox, with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "ADPermission")]
[OutputType(typeof(PSObject))]
public sealed class GetADPermissionCommand : MailroomCmdlet
{
    /// <summary>The mailbox the right is on; objects piped from Get-Mailbox bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? User { get; set; }
}

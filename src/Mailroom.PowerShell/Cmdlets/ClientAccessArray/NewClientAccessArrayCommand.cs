using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessArray;

/// <summary>New-ClientAccessArray: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "ClientAccessArray", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewClientAccessArrayCommand : MailroomCmdlet
{
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(Mandatory = true)]
    public string? Fqdn { get; set; }

    [Parameter(Mandatory = true)]
    public string? Site { get; set; }
}

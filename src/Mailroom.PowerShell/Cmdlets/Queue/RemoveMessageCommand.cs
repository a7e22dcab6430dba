using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Remove-Message: deletes a queued message, with an NDR to its sender unless -WithNDR $false.</summary>
[Cmdlet(VerbsCommon.Remove, "Message", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMessageCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    [Parameter]
    public bool? WithNDR { get; set; }
}

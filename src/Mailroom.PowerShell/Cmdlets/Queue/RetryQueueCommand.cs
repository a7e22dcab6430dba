using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Retry-Queue: tries the queue's waiting messages now. "Retry" isn't an approved verb; Exchange uses it.</summary>
[Cmdlet("Retry", "Queue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RetryQueueCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    [Parameter]
    public bool? Resubmit { get; set; }
}

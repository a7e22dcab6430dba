using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Suspend-Message: suspends delivery of a queued message.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "Message", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class SuspendMessageCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Resume-Message: resumes delivery of a queued message.</summary>
[Cmdlet(VerbsLifecycle.Resume, "Message", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class ResumeMessageCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Get-Queue: the organization's delivery queues, one per next hop.</summary>
[Cmdlet(VerbsCommon.Get, "Queue")]
[OutputType(typeof(PSObject))]
public sealed class GetQueueCommand : MailroomCmdlet
{
    /// <summary><c>Server\NextHopDomain</c> or just the next hop domain.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public string? ResultSize { get; set; }
}

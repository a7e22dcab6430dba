using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Queue;

/// <summary>Get-Message: messages waiting in the queues.</summary>
[Cmdlet(VerbsCommon.Get, "Message")]
[OutputType(typeof(PSObject))]
public sealed class GetMessageCommand : MailroomCmdlet
{
    /// <summary><c>Server\Queue\MessageId</c> or the message's queue id.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? Identity { get; set; }

    [Parameter]
    public string? Queue { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public string? ResultSize { get; set; }

    [Parameter]
    public SwitchParameter IncludeRecipientInfo { get; set; }
}

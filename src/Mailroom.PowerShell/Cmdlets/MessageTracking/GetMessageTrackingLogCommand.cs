using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.MessageTracking;

/// <summary>Get-MessageTrackingLog: searches the tracking log of the organization's nodes.</summary>
[Cmdlet(VerbsCommon.Get, "MessageTrackingLog")]
[OutputType(typeof(PSObject))]
public sealed class GetMessageTrackingLogCommand : MailroomCmdlet
{
    [Parameter]
    public string? Sender { get; set; }

    /// <summary>One or more recipient addresses; every one must be among the event's recipients.</summary>
    [Parameter]
    public string[]? Recipients { get; set; }

    [Parameter]
    public string? MessageId { get; set; }

    [Parameter]
    [ValidateSet("RECEIVE", "SUBMIT", "DELIVER", "SEND", "FAIL", "DSN", "DEFER", IgnoreCase = true)]
    public string? EventId { get; set; }

    [Parameter]
    public DateTime? Start { get; set; }

    [Parameter]
    public DateTime? End { get; set; }

    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    public string? ResultSize { get; set; }
}

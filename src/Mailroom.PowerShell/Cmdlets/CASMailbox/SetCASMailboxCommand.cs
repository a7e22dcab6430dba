using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.CASMailbox;

/// <summary>Set-CASMailbox: turns a mailbox's client protocols on or off.</summary>
[Cmdlet(VerbsCommon.Set, "CASMailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetCASMailboxCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public bool? ImapEnabled { get; set; }

    [Parameter]
    public bool? PopEnabled { get; set; }

    [Parameter]
    public bool? OWAEnabled { get; set; }

    [Parameter]
    public bool? EwsEnabled { get; set; }

    [Parameter]
    public bool? ActiveSyncEnabled { get; set; }

    [Parameter]
    public bool? MAPIEnabled { get; set; }

    /// <summary>Exchange Online's switch: $true turns authenticated SMTP submission off for the mailbox.</summary>
    [Parameter]
    public bool? SmtpClientAuthenticationDisabled { get; set; }
}

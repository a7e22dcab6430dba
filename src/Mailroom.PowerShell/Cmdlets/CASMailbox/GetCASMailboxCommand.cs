using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.CASMailbox;

/// <summary>Get-CASMailbox: a mailbox's client access protocol switches.</summary>
[Cmdlet(VerbsCommon.Get, "CASMailbox")]
[OutputType(typeof(PSObject))]
public sealed class GetCASMailboxCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? ResultSize { get; set; }
}

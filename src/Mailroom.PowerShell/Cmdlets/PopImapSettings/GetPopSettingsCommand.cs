using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.PopImapSettings;

/// <summary>Get-PopSettings: the POP3 client settings of a server (this node's by default).</summary>
[Cmdlet(VerbsCommon.Get, "PopSettings")]
[OutputType(typeof(PSObject))]
public sealed class GetPopSettingsCommand : MailroomCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Server { get; set; }
}

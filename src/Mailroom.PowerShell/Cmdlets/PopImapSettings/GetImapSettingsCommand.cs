using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.PopImapSettings;

/// <summary>Get-ImapSettings: the IMAP4 client settings of a server (this node's by default).</summary>
[Cmdlet(VerbsCommon.Get, "ImapSettings")]
[OutputType(typeof(PSObject))]
public sealed class GetImapSettingsCommand : MailroomCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Server { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.MailboxDatabase;

/// <summary>New-MailboxDatabase: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "MailboxDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewMailboxDatabaseCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    [Parameter(Mandatory = true)]
    public string? Server { get; set; }

    [Parameter]
    public string? EdbFilePath { get; set; }

    [Parameter]
    public string? LogFolderPath { get; set; }

    [Parameter]
    public bool? IsExcludedFromProvisioning { get; set; }
}

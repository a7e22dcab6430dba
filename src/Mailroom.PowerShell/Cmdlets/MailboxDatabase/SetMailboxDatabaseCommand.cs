using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.MailboxDatabase;

/// <summary>Set-MailboxDatabase: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "MailboxDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetMailboxDatabaseCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    public string? RpcClientAccessServer { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? IssueWarningQuota { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? ProhibitSendQuota { get; set; }

    /// <summary>A size (2GB, 500MB, 1048576) or Unlimited.</summary>
    [Parameter]
    public string? ProhibitSendReceiveQuota { get; set; }

    [Parameter]
    public bool? MountAtStartup { get; set; }

    [Parameter]
    public bool? IsExcludedFromProvisioning { get; set; }
}

using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ServerComponentState;

/// <summary>Set-ServerComponentState: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "ServerComponentState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetServerComponentStateCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(Mandatory = true)]
    public string? Component { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateSet("Active", "Inactive", "Draining", IgnoreCase = true)]
    public string? State { get; set; }

    [Parameter(Mandatory = true)]
    public string? Requester { get; set; }

    /// <summary>Accepted for Exchange scripts; the state always lives in the directory.</summary>
    [Parameter]
    public SwitchParameter LocalOnly { get; set; }

    [Parameter]
    public SwitchParameter RemoteOnly { get; set; }

    [Parameter]
    public int? TimeoutInSeconds { get; set; }
}

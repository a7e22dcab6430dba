using System.Management.Automation;
using Mailroom.Identity;

namespace Mailroom.PowerShell.Cmdlets.SendConnector;

/// <summary>Set-SendConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "SendConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetSendConnectorCommand : SendConnectorCmdlet
{
    /// <summary>Name, distinguished name or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }
}

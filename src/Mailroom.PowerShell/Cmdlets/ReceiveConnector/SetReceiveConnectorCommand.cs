using System.Management.Automation;
using Mailroom.Identity;

namespace Mailroom.PowerShell.Cmdlets.ReceiveConnector;

/// <summary>Set-ReceiveConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "ReceiveConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetReceiveConnectorCommand : ReceiveConnectorCmdlet
{
    /// <summary><c>Server\Name</c>, the name alone, the distinguished name or the GUID; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }
}

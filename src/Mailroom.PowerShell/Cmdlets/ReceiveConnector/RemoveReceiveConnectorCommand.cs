using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ReceiveConnector;

/// <summary>Remove-ReceiveConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Remove, "ReceiveConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject))]
public sealed class RemoveReceiveConnectorCommand : MailroomCmdlet
{
    /// <summary><c>Server\Name</c>, the name alone, the distinguished name or the GUID; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }
}

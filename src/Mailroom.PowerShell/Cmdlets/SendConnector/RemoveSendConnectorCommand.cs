using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.SendConnector;

/// <summary>Remove-SendConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Remove, "SendConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject))]
public sealed class RemoveSendConnectorCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }
}

using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ReceiveConnector;

/// <summary>Get-ReceiveConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "ReceiveConnector", DefaultParameterSetName = "Identity")]
[OutputType(typeof(PSObject))]
public sealed class GetReceiveConnectorCommand : MailroomCmdlet
{
    /// <summary><c>Server\Name</c>, the name alone, the distinguished name or the GUID; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Identity")]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(ParameterSetName = "Server")]
    public string? Server { get; set; }
}

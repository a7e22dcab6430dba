using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.AcceptedDomain;

/// <summary>Get-AcceptedDomain: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "AcceptedDomain")]
[OutputType(typeof(PSObject))]
public sealed class GetAcceptedDomainCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? ResultSize { get; set; }
}

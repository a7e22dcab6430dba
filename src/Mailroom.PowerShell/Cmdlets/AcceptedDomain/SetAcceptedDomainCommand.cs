using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.AcceptedDomain;

/// <summary>Set-AcceptedDomain: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "AcceptedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetAcceptedDomainCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public bool? AddressBookEnabled { get; set; }

    [Parameter]
    [ValidateSet("Authoritative", "InternalRelay", "ExternalRelay", IgnoreCase = true)]
    public string? DomainType { get; set; }

    [Parameter]
    public bool? MakeDefault { get; set; }

    [Parameter]
    public bool? MatchSubDomains { get; set; }

    [Parameter]
    public string? Name { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.AcceptedDomain;

/// <summary>New-AcceptedDomain: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "AcceptedDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewAcceptedDomainCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    [Parameter(Mandatory = true)]
    public string? DomainName { get; set; }

    [Parameter]
    [ValidateSet("Authoritative", "InternalRelay", "ExternalRelay", IgnoreCase = true)]
    public string? DomainType { get; set; }
}

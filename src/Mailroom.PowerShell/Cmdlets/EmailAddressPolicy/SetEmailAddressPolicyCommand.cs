using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.EmailAddressPolicy;

/// <summary>Set-EmailAddressPolicy: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "EmailAddressPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetEmailAddressPolicyCommand : EmailAddressPolicyCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter ForceUpgrade { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.EmailAddressPolicy;

/// <summary>New-EmailAddressPolicy: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "EmailAddressPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewEmailAddressPolicyCommand : EmailAddressPolicyCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }
}

using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.EmailAddressPolicy;

/// <summary>Update-EmailAddressPolicy: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsData.Update, "EmailAddressPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class UpdateEmailAddressPolicyCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public SwitchParameter FixMissingAlias { get; set; }

    [Parameter]
    public SwitchParameter UpdateSecondaryAddressesOnly { get; set; }
}

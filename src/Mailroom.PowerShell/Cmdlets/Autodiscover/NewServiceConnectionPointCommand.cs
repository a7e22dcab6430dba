using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Autodiscover;

/// <summary>New-ServiceConnectionPoint: a pointer SCP sending clients of <c>-Domain</c> to another directory's LDAP server.</summary>
[Cmdlet(VerbsCommon.New, "ServiceConnectionPoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewServiceConnectionPointCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    /// <summary>An LDAP URL such as ldap://dc1.fabrikam.com.</summary>
    [Parameter(Mandatory = true)]
    public string? ServiceBindingInformation { get; set; }

    [Parameter]
    public string? Domain { get; set; }
}

using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.VirtualDirectory;

/// <summary>Set-OwaVirtualDirectory: the URLs Autodiscover gives internal and external clients.</summary>
[Cmdlet(VerbsCommon.Set, "OwaVirtualDirectory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetOwaVirtualDirectoryCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public Uri? InternalUrl { get; set; }

    [Parameter]
    public Uri? ExternalUrl { get; set; }
}

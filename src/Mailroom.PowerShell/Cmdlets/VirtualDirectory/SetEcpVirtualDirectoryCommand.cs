using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.VirtualDirectory;

/// <summary>Set-EcpVirtualDirectory: the URLs Autodiscover gives internal and external clients.</summary>
[Cmdlet(VerbsCommon.Set, "EcpVirtualDirectory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetEcpVirtualDirectoryCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public Uri? InternalUrl { get; set; }

    [Parameter]
    public Uri? ExternalUrl { get; set; }
}

using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessService;

/// <summary>Set-ClientAccessService: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "ClientAccessService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Set-ClientAccessServer")]
[OutputType(typeof(PSObject))]
public sealed class SetClientAccessServiceCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name, legacy DN or GUID of the object; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? AutoDiscoverServiceInternalUri { get; set; }

    /// <summary>A list of values, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? AutoDiscoverSiteScope { get; set; }

    [Parameter]
    public bool? IsOutOfService { get; set; }
}

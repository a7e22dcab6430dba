using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessArray;

/// <summary>
/// Export-ClientAccessArrayConfiguration: the load balancer configuration of an array, returned in FileData
/// (<c>(Export-ClientAccessArrayConfiguration mail -Format HAProxy).FileData | Set-Content haproxy.cfg</c>).
/// </summary>
[Cmdlet(VerbsData.Export, "ClientAccessArrayConfiguration")]
[OutputType(typeof(PSObject))]
public sealed class ExportClientAccessArrayConfigurationCommand : MailroomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateSet("HAProxy", IgnoreCase = true)]
    public string? Format { get; set; }

    /// <summary>The balancer address the frontends bind; all of its addresses when omitted.</summary>
    [Parameter]
    public string? VirtualAddress { get; set; }

    /// <summary>Send PROXY protocol v2 to the members (list the balancer in their Mailroom:LoadBalancers).</summary>
    [Parameter]
    public SwitchParameter ProxyProtocol { get; set; }

    /// <summary>Frontends listen on the members' ports rather than the standard ones.</summary>
    [Parameter]
    public SwitchParameter MemberPorts { get; set; }

    /// <summary>The address HAProxy connects to the members from.</summary>
    [Parameter]
    public string? SourceAddress { get; set; }

    [Parameter]
    public int? CheckIntervalSeconds { get; set; }
}

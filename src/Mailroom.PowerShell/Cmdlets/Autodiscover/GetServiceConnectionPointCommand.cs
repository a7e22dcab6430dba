using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Autodiscover;

/// <summary>Get-ServiceConnectionPoint: the Autodiscover pointer SCPs.</summary>
[Cmdlet(VerbsCommon.Get, "ServiceConnectionPoint")]
[OutputType(typeof(PSObject))]
public sealed class GetServiceConnectionPointCommand : MailroomCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }
}

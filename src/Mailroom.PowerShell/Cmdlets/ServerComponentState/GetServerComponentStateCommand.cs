using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ServerComponentState;

/// <summary>Get-ServerComponentState: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "ServerComponentState")]
[OutputType(typeof(PSObject))]
public sealed class GetServerComponentStateCommand : MailroomCmdlet
{
    /// <summary>The server: name, FQDN, distinguished name or GUID; servers piped from Get-ExchangeServer bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Component { get; set; }
}

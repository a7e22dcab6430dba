using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>Get-ClientAccessRule: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Get, "ClientAccessRule")]
[OutputType(typeof(PSObject))]
public sealed class GetClientAccessRuleCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name or GUID of the rule; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }
}

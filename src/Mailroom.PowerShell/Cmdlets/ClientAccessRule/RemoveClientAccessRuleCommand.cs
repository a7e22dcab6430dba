using System.Management.Automation;
using Mailroom.Identity;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>Remove-ClientAccessRule: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Remove, "ClientAccessRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject))]
public sealed class RemoveClientAccessRuleCommand : MailroomCmdlet
{
    /// <summary>Name, distinguished name or GUID of the rule; objects piped from a Get- cmdlet bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    /// <summary>Mailroom's: remove the rule even if that would deny your own RemotePowerShell connection.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }
}

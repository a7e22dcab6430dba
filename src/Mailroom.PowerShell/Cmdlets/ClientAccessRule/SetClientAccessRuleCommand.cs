using System.Management.Automation;
using Mailroom.Identity;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>Set-ClientAccessRule: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.Set, "ClientAccessRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class SetClientAccessRuleCommand : ClientAccessRuleCmdlet
{
    /// <summary>Name, distinguished name or GUID of the rule; objects piped from Get-ClientAccessRule bind by their Identity.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public ObjectIdentity? Identity { get; set; }

    [Parameter]
    public string? Name { get; set; }
}

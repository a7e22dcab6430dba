using System.Management.Automation;

namespace Mailroom.PowerShell.Cmdlets.ClientAccessRule;

/// <summary>New-ClientAccessRule: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "ClientAccessRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewClientAccessRuleCommand : ClientAccessRuleCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }
}

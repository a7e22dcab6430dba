using System.Management.Automation;

namespace Mailroom.PowerShell.Cmdlets.SendConnector;

/// <summary>New-SendConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "SendConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewSendConnectorCommand : SendConnectorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    [Parameter]
    [ValidateSet("Custom", "Internal", "Internet", "Partner")]
    public string? Usage { get; set; }

    [Parameter]
    public SwitchParameter Custom { get; set; }

    [Parameter]
    public SwitchParameter Internal { get; set; }

    [Parameter]
    public SwitchParameter Internet { get; set; }

    [Parameter]
    public SwitchParameter Partner { get; set; }
}

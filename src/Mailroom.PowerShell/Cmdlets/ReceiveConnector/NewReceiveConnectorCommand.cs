using System.Management.Automation;

namespace Mailroom.PowerShell.Cmdlets.ReceiveConnector;

/// <summary>New-ReceiveConnector: runs the node's command of the same name with Exchange's parameters.</summary>
[Cmdlet(VerbsCommon.New, "ReceiveConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class NewReceiveConnectorCommand : ReceiveConnectorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? Name { get; set; }

    /// <summary>The server the connector belongs to; the connected node by default.</summary>
    [Parameter]
    public string? Server { get; set; }

    [Parameter]
    [ValidateSet("Custom", "Internet", "Internal", "Client", "Partner")]
    public string? Usage { get; set; }

    [Parameter]
    public SwitchParameter Custom { get; set; }

    [Parameter]
    public SwitchParameter Internet { get; set; }

    [Parameter]
    public SwitchParameter Internal { get; set; }

    [Parameter]
    public SwitchParameter Client { get; set; }

    [Parameter]
    public SwitchParameter Partner { get; set; }
}

using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.SendConnector;

/// <summary>The parameters New- and Set-SendConnector share; the node checks values and the rules across them.</summary>
public abstract class SendConnectorCmdlet : MailroomCmdlet
{
    /// <summary><c>[SMTP:]domain[;cost]</c> values (*, contoso.com, *.contoso.com;10), or @{Add=...; Remove=...}.</summary>
    [Parameter]
    public object? AddressSpaces { get; set; }

    /// <summary>Host names or IP addresses, or @{Add=...; Remove=...}; they need -DNSRoutingEnabled $false.</summary>
    [Parameter]
    public object? SmartHosts { get; set; }

    [Parameter]
    public bool? DNSRoutingEnabled { get; set; }

    [Parameter]
    public int? Port { get; set; }

    [Parameter]
    public bool? RequireTLS { get; set; }

    [Parameter]
    public string? Fqdn { get; set; }

    /// <summary>A size such as 35MB, or Unlimited.</summary>
    [Parameter]
    public string? MaxMessageSize { get; set; }

    /// <summary>Server names, or @{Add=...; Remove=...}; the connected node by default.</summary>
    [Parameter]
    public object? SourceTransportServers { get; set; }

    [Parameter]
    public bool? Enabled { get; set; }
}

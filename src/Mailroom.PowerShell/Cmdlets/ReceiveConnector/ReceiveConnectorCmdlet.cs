using System.Management.Automation;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ReceiveConnector;

/// <summary>The parameters New- and Set-ReceiveConnector share; the node checks values and ranges.</summary>
public abstract class ReceiveConnectorCmdlet : MailroomCmdlet
{
    /// <summary><c>IP:port</c> values (0.0.0.0:25, [::]:25), or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? Bindings { get; set; }

    /// <summary>Addresses, ranges (a-b) or CIDR blocks, or @{Add=...; Remove=...} to edit the current list.</summary>
    [Parameter]
    public object? RemoteIPRanges { get; set; }

    /// <summary>None, AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners, Custom.</summary>
    [Parameter]
    public string[]? PermissionGroups { get; set; }

    /// <summary>None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative.</summary>
    [Parameter]
    public string[]? AuthMechanism { get; set; }

    [Parameter]
    public bool? RequireTLS { get; set; }

    [Parameter]
    public string? Fqdn { get; set; }

    [Parameter]
    public string? Banner { get; set; }

    /// <summary>A size from 64KB to 2GB less a byte, such as 36MB.</summary>
    [Parameter]
    public string? MaxMessageSize { get; set; }

    [Parameter]
    public int? MaxRecipientsPerMessage { get; set; }

    /// <summary>A time span such as 00:10:00.</summary>
    [Parameter]
    public string? ConnectionTimeout { get; set; }

    /// <summary>A number or Unlimited.</summary>
    [Parameter]
    public string? MaxInboundConnectionPerSource { get; set; }

    /// <summary>A number or Unlimited.</summary>
    [Parameter]
    public string? MaxInboundConnection { get; set; }

    [Parameter]
    [ValidateSet("FrontendTransport", "HubTransport")]
    public string? TransportRole { get; set; }

    [Parameter]
    public bool? Enabled { get; set; }
}

using Mailroom.Directory.Connectors;
using Mailroom.Sizes;

namespace Mailroom.Directory.Model;

/// <summary>
/// A route out of the organization (Exchange's send connector): the domains it carries mail for, and whether it
/// looks up MX records or hands everything to smart hosts. Send connectors belong to the organization; the
/// <see cref="SourceTransportServers"/> are the servers that may use it.
/// </summary>
public sealed class SendConnector : DirectoryObject
{
    public const string Class = "SendConnector";

    /// <summary>
    /// Exchange's own documents disagree (10 MB, 25 MB); 35 MB is what 2013+ connectors commonly show, and it lets
    /// through what the 36 MB receive connectors accept once headers are added (exchange.md §8.2).
    /// </summary>
    public static readonly QuotaSize DefaultMaxMessageSize = new(ByteQuantifiedSize.FromMegabytes(35));

    public const int DefaultPort = 25;

    public List<AddressSpace> AddressSpaces { get; set; } = [];

    /// <summary>True: look up the MX (then A) records of the recipient's domain. False: use <see cref="SmartHosts"/>.</summary>
    public bool DNSRoutingEnabled { get; set; } = true;

    public List<SmartHost> SmartHosts { get; set; } = [];

    public int Port { get; set; } = DefaultPort;

    public bool RequireTLS { get; set; }

    /// <summary>The name to give in HELO/EHLO; null means the sending server's FQDN.</summary>
    public string? Fqdn { get; set; }

    public QuotaSize MaxMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Names of the servers that may send through the connector.</summary>
    public List<string> SourceTransportServers { get; set; } = [];

    public bool Enabled { get; set; } = true;

    public override string ObjectClass => Class;
}

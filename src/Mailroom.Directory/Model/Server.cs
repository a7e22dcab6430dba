using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>A Mailroom node, shown as an Exchange server with the Mailbox and Client Access roles.</summary>
public sealed class Server : DirectoryObject, IHasLegacyDN
{
    public const string Class = "Server";

    /// <summary>The Autodiscover URL keyword GUID of Exchange's service connection point.</summary>
    public static readonly Guid AutoDiscoverServiceGuid = new("77378F46-2C66-4aa9-A6A6-3E7A48B19596");

    public string Fqdn { get; set; } = string.Empty;

    public string Site { get; set; } = Model.Site.DefaultName;

    public string ServerRole { get; set; } = "Mailbox, ClientAccess";

    public string Edition { get; set; } = "Standard";

    public string AdminDisplayVersion { get; set; } = string.Empty;

    public string ExchangeLegacyDN { get; set; } = string.Empty;

    public bool IsClientAccessServer => true;

    public bool IsMailboxServer => true;

    /// <summary>Client access settings, shown by Get-ClientAccessService rather than Get-ExchangeServer.</summary>
    [JsonPropertyOrder(200)]
    public string? AutoDiscoverServiceInternalUri { get; set; }

    [JsonPropertyOrder(201)]
    public List<string> AutoDiscoverSiteScope { get; set; } = [];

    [JsonPropertyOrder(202)]
    public bool IsOutOfService { get; set; }

    /// <summary>When the URL SCP was first published (its <c>whenCreated</c>): clients try older SCPs first within a rank.</summary>
    [JsonPropertyOrder(203)]
    public DateTime? AutoDiscoverServiceCreated { get; set; }

    /// <summary>The node's listeners as it last started with them (Smtp, Imap, Https, … to <c>address:port</c>), for load balancer configuration.</summary>
    [JsonPropertyOrder(210)]
    public Dictionary<string, string> NetworkEndpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host names the node's certificate covers, so an array name it doesn't cover can be warned about.</summary>
    [JsonPropertyOrder(211)]
    public List<string> CertificateDomains { get; set; } = [];

    public override string ObjectClass => Class;

    public override IEnumerable<string> DirectoryKeys() =>
        base.DirectoryKeys().Append(DirectoryKey.Fqdn(Class, Fqdn));
}

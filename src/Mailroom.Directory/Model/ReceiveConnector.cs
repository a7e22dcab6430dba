using System.Text.Json.Serialization;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Storage;
using Mailroom.Sizes;

namespace Mailroom.Directory.Model;

/// <summary>
/// Where and from whom a server accepts SMTP, and what those sessions may do (Exchange's receive connector). A
/// connector belongs to one server; its name is unique on that server and its identity is <c>Server\Name</c>.
/// </summary>
public sealed class ReceiveConnector : DirectoryObject
{
    public const string Class = "ReceiveConnector";

    /// <summary>Exchange 2016/2019 defaults (exchange.md §8.1); 35 MB is the Client Frontend connector's size.</summary>
    public static readonly ByteQuantifiedSize DefaultMaxMessageSize = ByteQuantifiedSize.FromMegabytes(36);
    public static readonly ByteQuantifiedSize ClientMaxMessageSize = ByteQuantifiedSize.FromMegabytes(35);
    public static readonly TimeSpan DefaultConnectionTimeout = TimeSpan.FromMinutes(10);
    public const int DefaultMaxRecipientsPerMessage = 200;
    public const int DefaultMaxInboundConnectionPerSource = 20;
    public const int DefaultMaxInboundConnection = 5000;

    public string Server { get; set; } = string.Empty;

    public TransportRole TransportRole { get; set; } = TransportRole.FrontendTransport;

    public List<IPBinding> Bindings { get; set; } = [];

    public List<IPRange> RemoteIPRanges { get; set; } = [];

    public PermissionGroups PermissionGroups { get; set; }

    public AuthMechanisms AuthMechanism { get; set; } = AuthMechanisms.Tls;

    public bool RequireTLS { get; set; }

    /// <summary>The name in the banner, the EHLO reply and Received headers, and the certificate to present.</summary>
    public string Fqdn { get; set; } = string.Empty;

    /// <summary>A whole <c>220 …</c> greeting, or null for the default <c>220 &lt;Fqdn&gt; Microsoft ESMTP MAIL service ready at …</c>.</summary>
    public string? Banner { get; set; }

    [JsonConverter(typeof(ByteQuantifiedSizeJsonConverter))]
    public ByteQuantifiedSize MaxMessageSize { get; set; } = DefaultMaxMessageSize;

    public int MaxRecipientsPerMessage { get; set; } = DefaultMaxRecipientsPerMessage;

    public TimeSpan ConnectionTimeout { get; set; } = DefaultConnectionTimeout;

    /// <summary>Connections at once from one remote address; null is Exchange's <c>Unlimited</c>.</summary>
    [JsonConverter(typeof(UnlimitedIntJsonConverter))]
    public int? MaxInboundConnectionPerSource { get; set; } = DefaultMaxInboundConnectionPerSource;

    /// <summary>Connections at once on the connector; null is Exchange's <c>Unlimited</c>.</summary>
    [JsonConverter(typeof(UnlimitedIntJsonConverter))]
    public int? MaxInboundConnection { get; set; } = DefaultMaxInboundConnection;

    public bool Enabled { get; set; } = true;

    /// <summary>Exchange shows a receive connector as <c>EX1\Default Frontend EX1</c>.</summary>
    public override string Identity => IdentityOf(Server, Name);

    public override string ObjectClass => Class;

    public static string IdentityOf(string server, string name) => $"{server}\\{name}";

    /// <summary>Names are unique per server (Exchange keeps connectors in each server's container), not per organization.</summary>
    public override IEnumerable<string> DirectoryKeys()
    {
        yield return DirectoryKey.Name(Class, Identity);
        yield return DirectoryKey.DistinguishedName(DistinguishedName);
    }
}

using System.Xml;
using System.Xml.Linq;

namespace Mailroom.Web.Autodiscover;

/// <summary>Which request a POX body is.</summary>
public enum PoxRequestKind
{
    /// <summary>Outlook's request schema asking for the 2006a response: settings can be given.</summary>
    Outlook,

    /// <summary>Outlook's request schema asking for a response schema Mailroom doesn't offer: error 601.</summary>
    UnsupportedResponseSchema,

    /// <summary>ActiveSync's mobilesync schema: Mailroom doesn't offer ActiveSync.</summary>
    MobileSync,

    /// <summary>Not XML, a DTD, the wrong root, no address: error 600.</summary>
    Invalid,
}

/// <summary>
/// A parsed POX Autodiscover request (exchange.md §4.1). Parsing is safe for hostile bodies: no DTD (so no entity
/// expansion and no external entities), no resolver, and a character limit on top of the byte limit the endpoint
/// enforces while reading.
/// </summary>
public sealed record PoxRequest(PoxRequestKind Kind, string? EmailAddress, string? LegacyDN, string? AcceptableResponseSchema)
{
    public const string OutlookRequestSchema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    public const string OutlookResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    public const string MobileSyncRequestSchema = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
    public const string MobileSyncResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

    /// <summary>A real request is a few hundred bytes; 16 KiB leaves room for whitespace and comments.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static readonly PoxRequest Invalid = new(PoxRequestKind.Invalid, null, null, null);

    public static PoxRequest Parse(ReadOnlyMemory<byte> body)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Safe);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return Invalid;
        }

        var root = document.Root!;
        var ns = Normalize(root.Name.NamespaceName);
        if (root.Name.LocalName != "Autodiscover" || (ns != OutlookRequestSchema && ns != MobileSyncRequestSchema))
        {
            return Invalid;
        }

        var request = root.Element(XName.Get("Request", root.Name.NamespaceName));
        string? Child(string name) => request?.Element(XName.Get(name, root.Name.NamespaceName))?.Value.Trim() is { Length: > 0 } v ? v : null;
        var email = Child("EMailAddress");
        var legacyDn = Child("LegacyDN");
        var schema = Child("AcceptableResponseSchema") is { } s ? Normalize(s) : null;
        if (request is null || (email is null && legacyDn is null) || schema is null)
        {
            return Invalid;
        }

        var kind = ns == MobileSyncRequestSchema ? PoxRequestKind.MobileSync
            : schema == OutlookResponseSchema ? PoxRequestKind.Outlook
            : PoxRequestKind.UnsupportedResponseSchema;
        return new PoxRequest(kind, email, legacyDn, schema);
    }

    /// <summary>The documentation prints https:// namespaces, every client sends http:// (exchange.md §4.1): accept both.</summary>
    private static string Normalize(string ns) =>
        ns.StartsWith("https://schemas.microsoft.com/", StringComparison.Ordinal) ? "http://" + ns["https://".Length..] : ns;
}

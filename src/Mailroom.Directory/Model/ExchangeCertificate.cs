using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>Exchange's <c>-Services</c> values (exchange.md §7.3); a certificate's services only ever grow.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<AllowedServices>))]
public enum AllowedServices
{
    None = 0,
    Federation = 1,
    IIS = 2,
    IMAP = 4,
    POP = 8,
    SMTP = 16,
    UM = 32,
    UMCallRouter = 64,
}

/// <summary>
/// A certificate of one server, as Exchange keeps them in the server's certificate store: the certificate (DER) and
/// its chain, its private key encrypted with the node's key (never in clear in the store, see docs/certificates.md),
/// the services it is enabled for, or a pending PKCS #10 request waiting for the CA's answer.
/// Identity <c>Server\Thumbprint</c>. Get-ExchangeCertificate shows a view of it without the key.
/// </summary>
public sealed class ExchangeCertificate : DirectoryObject
{
    public const string Class = "ExchangeCertificate";

    public string Server { get; set; } = string.Empty;

    /// <summary>SHA-1 of the certificate, 40 upper-case hex digits; of the request for a pending request.</summary>
    public string Thumbprint { get; set; } = string.Empty;

    public string FriendlyName { get; set; } = "Microsoft Exchange";

    public AllowedServices Services { get; set; }

    /// <summary>When Enable-ExchangeCertificate last ran for it: of the certificates enabled for a service, the most
    /// recently enabled one serves clients that ask for no particular host name.</summary>
    public DateTime? EnabledAt { get; set; }

    /// <summary>The certificate, base64 DER; null while the request is pending.</summary>
    public string? RawData { get; set; }

    /// <summary>Issuer certificates sent with it (base64 DER), leaf first order.</summary>
    public List<string> Chain { get; set; } = [];

    /// <summary>The PKCS #8 private key encrypted by the node's key protector (base64); null when there is none.</summary>
    public string? ProtectedPrivateKey { get; set; }

    public bool PrivateKeyExportable { get; set; }

    /// <summary>The PKCS #10 request (base64 DER) of a pending request.</summary>
    public string? CertificateRequest { get; set; }

    public bool IsPendingRequest => RawData is null;

    public override string Identity => $"{Server}\\{Thumbprint}";

    public override string ObjectClass => Class;

    public override IEnumerable<string> DirectoryKeys()
    {
        yield return DirectoryKey.Name(Class, Identity);
        yield return DirectoryKey.DistinguishedName(DistinguishedName);
    }
}

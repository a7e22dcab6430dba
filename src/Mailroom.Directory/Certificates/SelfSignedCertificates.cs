using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mailroom.Directory.Certificates;

/// <summary>Makes the keys, self-signed certificates and PKCS #10 requests New-ExchangeCertificate and first start need.</summary>
public static class SelfSignedCertificates
{
    /// <summary>Exchange's self-signed certificates live five years (exchange.md §7.1).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(5 * 365);

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static CertificateRequest Request(X500DistinguishedName subject, IEnumerable<string> names, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(name, out var ip))
            {
                san.AddIpAddress(ip);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    /// <summary>A self-signed server certificate with its key, valid from a day ago (clock skew) for <see cref="Lifetime"/>.</summary>
    public static X509Certificate2 Create(X500DistinguishedName subject, IEnumerable<string> names, int keySize, DateTimeOffset now)
    {
        using var key = RSA.Create(keySize);
        return Request(subject, names, key).CreateSelfSigned(now.AddDays(-1), now.Add(Lifetime));
    }
}

using System.Globalization;
using Mailroom.Directory.Certificates;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Certificates;

/// <summary>What Get-ExchangeCertificate shows (exchange.md §7.4); never the private key.</summary>
public sealed record ExchangeCertificateView(
    string Thumbprint,
    string Services,
    string Subject,
    string Issuer,
    IReadOnlyList<string> CertificateDomains,
    string Status,
    DateTime? NotBefore,
    DateTime? NotAfter,
    bool IsSelfSigned,
    bool HasPrivateKey,
    bool PrivateKeyExportable,
    string FriendlyName,
    int? PublicKeySize,
    string? SerialNumber,
    string RootCAType,
    string? CertificateRequest,
    string Server,
    string Identity)
{
    public static ExchangeCertificateView Of(ExchangeCertificate stored, string serverFqdn, DateTime now)
    {
        var identity = $"{serverFqdn}\\{stored.Thumbprint}";
        if (stored.IsPendingRequest)
        {
            var request = System.Security.Cryptography.X509Certificates.CertificateRequest.LoadSigningRequest(
                Convert.FromBase64String(stored.CertificateRequest!), System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.X509Certificates.CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
            return new(stored.Thumbprint, ServicesText(stored.Services), request.SubjectName.Name, string.Empty, [], "PendingRequest", null, null,
                false, stored.ProtectedPrivateKey is not null, stored.PrivateKeyExportable, stored.FriendlyName, request.PublicKey.GetRSAPublicKey()?.KeySize,
                null, "Unknown", ExchangeCertificates.RequestText(stored.CertificateRequest!), stored.Server, identity);
        }

        using var certificate = CertificateMaterial.PublicCertificate(stored);
        var selfSigned = CertificateMaterial.IsSelfSigned(certificate);
        var status = CertificateMaterial.StatusOf(stored, now);
        return new(stored.Thumbprint, ServicesText(stored.Services), certificate.Subject, certificate.Issuer, CertificateMaterial.Domains(certificate), status,
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), selfSigned, stored.ProtectedPrivateKey is not null,
            stored.PrivateKeyExportable, stored.FriendlyName, certificate.PublicKey.GetRSAPublicKey()?.KeySize ?? certificate.PublicKey.GetECDsaPublicKey()?.KeySize,
            certificate.SerialNumber, selfSigned ? "None" : status == "Untrusted" ? "Unknown" : "ThirdParty", null, stored.Server, identity);
    }

    /// <summary>Exchange writes services as <c>IMAP, POP, IIS, SMTP</c>; <c>None</c> when there are none.</summary>
    public static string ServicesText(AllowedServices services) => services == AllowedServices.None ? "None"
        : string.Join(", ", new[] { AllowedServices.IMAP, AllowedServices.POP, AllowedServices.UM, AllowedServices.IIS, AllowedServices.SMTP, AllowedServices.Federation, AllowedServices.UMCallRouter }
            .Where(s => services.HasFlag(s)).Select(s => s.ToString()));

    public override string ToString() => Thumbprint.ToString(CultureInfo.InvariantCulture);
}

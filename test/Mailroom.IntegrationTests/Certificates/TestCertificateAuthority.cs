using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mailroom.IntegrationTests.Certificates;

/// <summary>A throwaway CA for tests: issues server certificates that only a client trusting this CA accepts.</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA key = RSA.Create(2048);

    public TestCertificateAuthority(string name)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(2));
    }

    public X509Certificate2 Certificate { get; }

    public RSA Key => key;

    /// <summary>A server certificate for <paramref name="names"/> (DNS names or IP addresses), with its key.</summary>
    public X509Certificate2 Issue(string subject, string[] names, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var leafKey = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
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
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1), serial);
        return issued.CopyWithPrivateKey(leafKey);
    }

    /// <summary>The certificate and its key (and the CA) as a password-protected PFX, as a CA or another server exports it.</summary>
    public byte[] Pfx(X509Certificate2 leaf, string password) =>
        new X509Certificate2Collection { leaf, X509CertificateLoader.LoadCertificate(Certificate.RawData) }.Export(X509ContentType.Pkcs12, password)!;

    /// <summary>Accepts a server certificate only when it chains to this CA and names the host.</summary>
    public bool Trusts(X509Certificate? presented, System.Net.Security.SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }
}

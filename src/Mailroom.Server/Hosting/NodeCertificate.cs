using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mailroom.Server.Hosting;

/// <summary>
/// The node's TLS certificate: a self-signed certificate for the server FQDN made on first start and kept in the
/// data folder (readable only by the service user), as Exchange setup creates its default certificate.
/// </summary>
public static class NodeCertificate
{
    public static X509Certificate2 LoadOrCreate(string dataPath, string fqdn)
    {
        var folder = Path.Combine(dataPath, "certificates");
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fqdn.ToLowerInvariant() + ".pfx");
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={fqdn}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(fqdn);
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var pfx = created.Export(X509ContentType.Pkcs12);
        WritePrivate(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }

    /// <summary>The DNS names a certificate covers (its subject alternative names), recorded on the Server object.</summary>
    public static IReadOnlyList<string> DnsNames(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Writes a file that only the owner can read (0600), creating it with that mode so it is never exposed.</summary>
    public static void WritePrivate(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}

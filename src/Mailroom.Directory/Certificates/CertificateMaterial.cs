using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Certificates;

/// <summary>Turns stored <see cref="ExchangeCertificate"/>s into usable X.509 objects and back, and works out their status.</summary>
public static class CertificateMaterial
{
    public static X509Certificate2 PublicCertificate(ExchangeCertificate stored) =>
        X509CertificateLoader.LoadCertificate(Convert.FromBase64String(stored.RawData ?? throw new InvalidOperationException("A pending request has no certificate yet.")));

    public static X509Certificate2Collection ChainOf(ExchangeCertificate stored)
    {
        var chain = new X509Certificate2Collection();
        foreach (var der in stored.Chain)
        {
            chain.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(der)));
        }

        return chain;
    }

    /// <summary>The certificate with its private key, decrypted with the node's key; null when it has none.</summary>
    public static X509Certificate2? WithPrivateKey(ExchangeCertificate stored, ICertificateKeyProtector protector)
    {
        if (stored.ProtectedPrivateKey is null || stored.RawData is null)
        {
            return null;
        }

        var pkcs8 = protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey));
        try
        {
            using var certificate = PublicCertificate(stored);
            return Attach(certificate, pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>A copy of <paramref name="certificate"/> with the PKCS #8 key (RSA or EC) attached.</summary>
    public static X509Certificate2 Attach(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        if (certificate.GetKeyAlgorithm() == "1.2.840.10045.2.1")
        {
            using var ec = ECDsa.Create();
            ec.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(ec);
        }

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(rsa);
    }

    /// <summary>The certificate's private key as PKCS #8, or null when it has none.</summary>
    public static byte[]? ExportPkcs8(X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            return null;
        }

        using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
        return key?.ExportPkcs8PrivateKey();
    }

    public static string Protect(ICertificateKeyProtector protector, byte[] pkcs8)
    {
        try
        {
            return Convert.ToBase64String(protector.Protect(pkcs8));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>The DNS names of the subject alternative name extension, then the subject's CN if it isn't among them.</summary>
    public static IReadOnlyList<string> Domains(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
        }

        var cn = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.IsNullOrEmpty(cn) && !IPAddress.TryParse(cn, out _) && !names.Contains(cn, StringComparer.OrdinalIgnoreCase))
        {
            names.Insert(0, cn);
        }

        return names;
    }

    /// <summary>Whether <paramref name="host"/> is one of <paramref name="domains"/>, a wildcard covering one label (RFC 6125 §6.4.3).</summary>
    public static bool Covers(IEnumerable<string> domains, string host) => domains.Any(d =>
        d.Equals(host, StringComparison.OrdinalIgnoreCase)
        || (d.StartsWith("*.", StringComparison.Ordinal) && host.IndexOf('.') is var dot and > 0
            && host[(dot + 1)..].Equals(d[2..], StringComparison.OrdinalIgnoreCase)));

    public static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    public static bool IsTimeValid(X509Certificate2 certificate, DateTime now) =>
        certificate.NotBefore.ToUniversalTime() <= now && now <= certificate.NotAfter.ToUniversalTime();

    /// <summary>
    /// Exchange's <c>Status</c> (exchange.md §7.4): <c>PendingRequest</c>, <c>DateInvalid</c> when expired or not yet
    /// valid, <c>Untrusted</c> when the chain doesn't reach a root this machine trusts, <c>RevocationCheckFailure</c>
    /// when only revocation couldn't be checked (offline), <c>Invalid</c> for other chain faults, else <c>Valid</c>.
    /// A self-signed certificate is trusted by the server that made it, as Exchange's default certificate is.
    /// </summary>
    public static string StatusOf(ExchangeCertificate stored, DateTime now)
    {
        if (stored.IsPendingRequest)
        {
            return "PendingRequest";
        }

        using var certificate = PublicCertificate(stored);
        if (!IsTimeValid(certificate, now))
        {
            return "DateInvalid";
        }

        if (IsSelfSigned(certificate))
        {
            return "Valid";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Offline;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.ExtraStore.AddRange(ChainOf(stored));
        if (chain.Build(certificate))
        {
            return "Valid";
        }

        var faults = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        const X509ChainStatusFlags revocation = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;
        return (faults & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0 ? "Untrusted"
            : (faults & ~revocation) == 0 ? "RevocationCheckFailure"
            : (faults & X509ChainStatusFlags.Revoked) != 0 ? "Revoked"
            : "Invalid";
    }
}

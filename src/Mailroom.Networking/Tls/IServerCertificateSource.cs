using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mailroom.Networking;

/// <summary>
/// Where a listener gets the certificate for each TLS handshake, so a newly enabled certificate is used by the next
/// connection without a restart, and the client's SNI name (RFC 6066 §3) can pick among several.
/// </summary>
public interface IServerCertificateSource
{
    /// <summary>The certificate (with its chain) for <paramref name="hostName"/>, the SNI name or null; null when there is none.</summary>
    ValueTask<SslStreamCertificateContext?> SelectAsync(string? hostName, CancellationToken cancellationToken);
}

/// <summary>One certificate for every handshake (tests, and listeners configured with a single certificate).</summary>
public sealed class FixedServerCertificate(X509Certificate2 certificate) : IServerCertificateSource
{
    private readonly SslStreamCertificateContext context = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);

    public X509Certificate2 Certificate { get; } = certificate;

    public ValueTask<SslStreamCertificateContext?> SelectAsync(string? hostName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SslStreamCertificateContext?>(context);
}

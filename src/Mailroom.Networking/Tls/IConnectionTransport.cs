using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;

namespace Mailroom.Networking;

/// <summary>
/// The byte channel a protocol session runs over: pipes that can be upgraded to TLS in band. Kestrel connections
/// and in-memory test pipes both fit behind it (<see cref="PipeConnectionTransport"/>).
/// </summary>
public interface IConnectionTransport
{
    PipeReader Input { get; }

    PipeWriter Output { get; }

    /// <summary>Non-null once the channel is encrypted, by implicit TLS or by <see cref="StartTlsAsync"/>.</summary>
    TlsInfo? Tls { get; }

    /// <summary>
    /// Discards any plaintext input already buffered (RFC 3207 §4.2: nothing sent before the handshake may be acted
    /// on), then runs the server handshake; <see cref="Input"/> and <see cref="Output"/> are replaced by the
    /// decrypted pipes. Returns the number of plaintext bytes discarded.
    /// </summary>
    ValueTask<long> StartTlsAsync(SslServerAuthenticationOptions options, CancellationToken cancellationToken);

    /// <summary>As <see cref="StartTlsAsync(SslServerAuthenticationOptions, CancellationToken)"/>, with the certificate
    /// picked from <paramref name="certificates"/> by the client's SNI name during the handshake.</summary>
    ValueTask<long> StartTlsAsync(IServerCertificateSource certificates, SslProtocols protocols, CancellationToken cancellationToken);
}

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
    /// Drops plaintext the client sent behind its STARTTLS/STLS command (RFC 3207 §4.2: nothing sent before the
    /// handshake may be acted on); returns how many bytes. Call it before sending the go-ahead: once the client has
    /// that, what it sends next is its TLS ClientHello, which must not be thrown away.
    /// </summary>
    long DiscardBufferedInput();

    /// <summary>Runs the server handshake; <see cref="Input"/> and <see cref="Output"/> are then the decrypted pipes.</summary>
    ValueTask StartTlsAsync(SslServerAuthenticationOptions options, CancellationToken cancellationToken);

    /// <summary>As <see cref="StartTlsAsync(SslServerAuthenticationOptions, CancellationToken)"/>, with the certificate
    /// picked from <paramref name="certificates"/> by the client's SNI name during the handshake.</summary>
    ValueTask StartTlsAsync(IServerCertificateSource certificates, SslProtocols protocols, CancellationToken cancellationToken);
}

using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;

namespace Mailroom.Networking;

/// <summary>
/// Server side of an in-band TLS upgrade (SMTP STARTTLS RFC 3207, IMAP STARTTLS RFC 9051 §6.2.1, POP3 STLS RFC 2595):
/// wraps the plaintext pipes in a stream, authenticates an <see cref="SslStream"/> over it, and continues with pipes
/// over the <see cref="SslStream"/>.
/// </summary>
public static class TlsUpgrade
{
    public static async ValueTask<TlsDuplexPipe> AuthenticateAsServerAsync(
        IDuplexPipe plaintext, SslServerAuthenticationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(options);
        var ssl = new SslStream(new DuplexPipeStream(plaintext.Input, plaintext.Output), leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new TlsDuplexPipe(ssl);
    }

    /// <summary>
    /// The same upgrade with the certificate chosen during the handshake, from the client's SNI name: the source is
    /// asked once the ClientHello is in, so a certificate enabled a moment ago serves this connection.
    /// </summary>
    public static async ValueTask<TlsDuplexPipe> AuthenticateAsServerAsync(
        IDuplexPipe plaintext, IServerCertificateSource certificates, SslProtocols protocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(certificates);
        var ssl = new SslStream(new DuplexPipeStream(plaintext.Input, plaintext.Output), leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(
                async (_, hello, _, token) => new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = await certificates.SelectAsync(hello.ServerName is { Length: > 0 } name ? name : null, token).ConfigureAwait(false)
                        ?? throw new AuthenticationException("No certificate is enabled for this service."),
                    ClientCertificateRequired = false,
                    EnabledSslProtocols = protocols,
                },
                null,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new TlsDuplexPipe(ssl);
    }
}

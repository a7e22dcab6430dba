using System.Net;
using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Kestrel entry point: <c>listen.UseSmtp("Smtp")</c> (or <c>UseConnectionHandler&lt;SmtpConnectionHandler&gt;()</c>).
/// A listener configured with <c>UseHttps(cert)</c> first is implicit TLS (RFC 8314): Kestrel's TLS middleware
/// leaves an <see cref="ITlsHandshakeFeature"/> on the connection, and the session starts as encrypted.
/// </summary>
public sealed class SmtpConnectionHandler(SmtpSessionRunner runner) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var handshake = connection.Features.Get<ITlsHandshakeFeature>();
        var tls = handshake is null ? null : new TlsInfo(handshake.Protocol, handshake.NegotiatedCipherSuite);
        var info = new SmtpConnectionInfo(
            connection.ConnectionId,
            connection.RemoteEndPoint as IPEndPoint,
            connection.LocalEndPoint as IPEndPoint,
            tls is not null,
            connection.Features.Get<ISmtpListenerFeature>()?.ListenerName);
        var transport = new PipeConnectionTransport(connection.Transport, tls);
        await using (transport.ConfigureAwait(false))
        {
            await runner.RunAsync(transport, info, connection.ConnectionClosed).ConfigureAwait(false);
        }
    }
}

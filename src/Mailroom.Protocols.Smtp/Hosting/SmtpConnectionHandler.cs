using System.Net;
using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Hosting;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Kestrel entry point: <c>listen.UseSmtp("Smtp")</c> (or <c>UseConnectionHandler&lt;SmtpConnectionHandler&gt;()</c>).
/// A listener configured with <c>UseHttps(cert)</c> first is implicit TLS (RFC 8314): Kestrel's TLS middleware
/// leaves an <see cref="ITlsHandshakeFeature"/> on the connection, and the session starts as encrypted.
/// </summary>
/// <remarks>
/// Sessions also end when the host stops (ApplicationStopping), so a node shutting down doesn't wait out its idle
/// clients' timeouts; clients see the connection close and retry later, as RFC 5321 §4.5.4.1 expects them to.
/// </remarks>
public sealed class SmtpConnectionHandler(SmtpSessionRunner runner, IHostApplicationLifetime? lifetime = null) : ConnectionHandler
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
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, lifetime?.ApplicationStopping ?? CancellationToken.None);
            await runner.RunAsync(transport, info, ended.Token).ConfigureAwait(false);
        }
    }
}

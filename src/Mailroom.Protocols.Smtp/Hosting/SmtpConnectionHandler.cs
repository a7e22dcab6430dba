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
/// clients' timeouts; clients get <c>421 4.3.2</c> and retry later, as RFC 5321 §3.8 and §4.5.4.1 expect.
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
            var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, stopping);
            await runner.RunAsync(transport, info, ended.Token, stopping).ConfigureAwait(false);
        }
    }
}

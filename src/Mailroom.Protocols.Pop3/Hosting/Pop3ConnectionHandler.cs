using System.Net;
using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Hosting;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Kestrel entry point: <c>listen.UsePop3("Pop3")</c>. A listener configured with <c>UseHttps(cert)</c> first is
/// implicit TLS (port 995, RFC 8314 §3.3). Sessions also end when the host stops, without applying deletions.
/// </summary>
public sealed class Pop3ConnectionHandler(Pop3SessionRunner runner, IHostApplicationLifetime? lifetime = null) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var handshake = connection.Features.Get<ITlsHandshakeFeature>();
        var tls = handshake is null ? null : new TlsInfo(handshake.Protocol, handshake.NegotiatedCipherSuite);
        var info = new Pop3ConnectionInfo(
            connection.ConnectionId,
            connection.RemoteEndPoint as IPEndPoint,
            connection.LocalEndPoint as IPEndPoint,
            tls is not null,
            connection.Features.Get<IPop3ListenerFeature>()?.ListenerName);
        var transport = new PipeConnectionTransport(connection.Transport, tls);
        await using (transport.ConfigureAwait(false))
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, lifetime?.ApplicationStopping ?? CancellationToken.None);
            await runner.RunAsync(transport, info, ended.Token).ConfigureAwait(false);
        }
    }
}

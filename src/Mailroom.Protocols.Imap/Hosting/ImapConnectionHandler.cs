using System.Net;
using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Hosting;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Kestrel entry point: <c>listen.UseImap("Imap")</c>. A listener configured with <c>UseHttps(cert)</c> first is
/// implicit TLS (RFC 8314, port 993): the session starts encrypted. Sessions end when the host stops, with
/// <c>* BYE</c> (RFC 9051 §7.1.5), so shutdown never waits for idle clients.
/// </summary>
public sealed class ImapConnectionHandler(ImapSessionRunner runner, IHostApplicationLifetime? lifetime = null) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handshake = connection.Features.Get<ITlsHandshakeFeature>();
        var tls = handshake is null ? null : new TlsInfo(handshake.Protocol, handshake.NegotiatedCipherSuite);
        var info = new ImapConnectionInfo(
            connection.ConnectionId,
            connection.RemoteEndPoint as IPEndPoint,
            connection.LocalEndPoint as IPEndPoint,
            tls is not null,
            connection.Features.Get<IImapListenerFeature>()?.ListenerName);
        var transport = new PipeConnectionTransport(connection.Transport, tls);
        await using (transport.ConfigureAwait(false))
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, lifetime?.ApplicationStopping ?? CancellationToken.None);
            await runner.RunAsync(transport, info, ended.Token).ConfigureAwait(false);
        }
    }
}

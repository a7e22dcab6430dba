using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Mailroom.Networking.Proxy;

/// <summary>
/// Kestrel connection middleware, first on every listener (before TLS): a connection from a trusted load balancer
/// must begin with a PROXY protocol v2 header, whose source address then replaces the connection's RemoteEndPoint, so
/// everything after it — SMTP receive connectors, IMAP/POP3 login throttling, client access rules, logs, HTTP's
/// RemoteIpAddress — sees the real client. Connections from anyone else are left exactly as they are: a client can't
/// claim another address by sending a header itself. The local endpoint stays the node's own, which receive
/// connector bindings are matched against.
/// </summary>
public static partial class ProxyProtocolMiddleware
{
    public static ListenOptions UseProxyProtocol(this ListenOptions listen, Func<IPAddress, bool> isLoadBalancer, TimeSpan headerTimeout, ILogger logger)
    {
        listen.Use(next => async connection =>
        {
            if (connection.RemoteEndPoint is not IPEndPoint remote || !isLoadBalancer(Normalize(remote.Address)))
            {
                await next(connection);
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            timeout.CancelAfter(headerTimeout);
            var header = await ReadHeaderAsync(connection.Transport.Input, timeout.Token);
            if (header.Status != ProxyHeaderStatus.Done)
            {
                LogRefused(logger, connection.ConnectionId, remote, header.Error ?? "no complete PROXY protocol header arrived in time");
                return;
            }

            if (header.Source is { } client)
            {
                connection.RemoteEndPoint = new IPEndPoint(Normalize(client.Address), client.Port);
            }

            await next(connection);
        });
        return listen;
    }

    private static async Task<ProxyHeaderResult> ReadHeaderAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return ProxyHeaderResult.Invalid("no complete PROXY protocol header arrived in time");
            }

            var result = ProxyProtocolV2.Parse(read.Buffer);
            switch (result.Status)
            {
                case ProxyHeaderStatus.Done:
                    input.AdvanceTo(read.Buffer.GetPosition(result.Consumed));
                    return result;
                case ProxyHeaderStatus.Invalid:
                    input.AdvanceTo(read.Buffer.Start);
                    return result;
                default:
                    input.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                    if (read.IsCompleted)
                    {
                        return ProxyHeaderResult.Invalid("the connection closed inside the PROXY protocol header");
                    }

                    break;
            }
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    [LoggerMessage(3930, LogLevel.Warning, "Closed connection {ConnectionId} from load balancer {Remote}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string connectionId, IPEndPoint remote, string reason);
}

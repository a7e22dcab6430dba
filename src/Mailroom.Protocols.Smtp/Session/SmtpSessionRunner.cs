using System.Diagnostics;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Runs SMTP sessions over any <see cref="IConnectionTransport"/>: asks the backend for the connection's policy,
/// enforces the per-source connection limit, then drives the session to its end. Kestrel's
/// <see cref="SmtpConnectionHandler"/> calls it per connection; tests call it over in-memory pipes.
/// </summary>
public sealed class SmtpSessionRunner
{
    private readonly SmtpSessionServices _services;
    private readonly ConnectionCounter _connections;

    public SmtpSessionRunner(ISmtpBackend backend, IOptions<SmtpServerOptions> options, ILoggerFactory loggerFactory,
        TimeProvider time, SmtpTelemetry telemetry, ConnectionCounter connections)
    {
        options.Value.Validate();
        _services = new SmtpSessionServices(backend, options.Value, time, loggerFactory.CreateLogger("Mailroom.Smtp"),
            loggerFactory.CreateLogger("Mailroom.Smtp.Transcript"), telemetry);
        _connections = connections;
    }

    /// <summary>Runs one session to its end. Never throws for anything the client does.</summary>
    /// <param name="aborted">Signalled when the connection is closed under the session (Kestrel's ConnectionClosed) or the server stops.</param>
    /// <param name="shuttingDown">Signalled when the server stops: the session says <c>421 4.3.2</c> before it closes (RFC 5321 §3.8).</param>
    public async Task RunAsync(IConnectionTransport transport, SmtpConnectionInfo connection, CancellationToken aborted, CancellationToken shuttingDown = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(connection);
        using var activity = SmtpTelemetry.ActivitySource.StartActivity("smtp.session", ActivityKind.Server);
        activity?.SetTag("network.peer.address", connection.RemoteEndPoint?.Address.ToString());
        _services.Telemetry.Connections.Add(1);
        _services.Telemetry.ActiveSessions.Add(1);
        try
        {
            await RunCoreAsync(transport, connection, aborted, shuttingDown).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            SmtpLog.ConnectionLost(_services.Logger, connection.ConnectionId);
        }
        finally
        {
            _services.Telemetry.ActiveSessions.Add(-1);
        }
    }

    private async Task RunCoreAsync(IConnectionTransport transport, SmtpConnectionInfo connection, CancellationToken aborted, CancellationToken shuttingDown)
    {
        var logger = _services.Logger;
        SmtpConnectResult result;
        try
        {
            result = await _services.Backend.ConnectAsync(connection, aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmtpLog.BackendFailed(logger, connection.ConnectionId, "ConnectAsync", ex);
            result = SmtpConnectResult.Refuse(SmtpReplies.ServiceNotAvailable(_services.Options.ServerName));
        }

        // SessionEndedAsync follows every accepted ConnectAsync, even when the connection limit then refuses it.
        var accepted = result.Policy is not null;
        var policy = result.Policy ?? new SmtpPolicy { ConnectorName = string.Empty, Fqdn = _services.Options.ServerName };
        if (result.Refusal is { } refusal)
        {
            SmtpLog.ConnectionRefused(logger, connection.ConnectionId, connection.RemoteEndPoint, refusal.ToString().TrimEnd());
        }

        ConnectionLease? lease = null;
        if (accepted && connection.RemoteEndPoint is { } remote)
        {
            lease = _connections.TryAcquire(remote.Address, policy.MaxConnectionsPerSource, policy.ConnectorName);
            if (lease is null)
            {
                SmtpLog.ConnectionLimitReached(logger, connection.ConnectionId, remote, policy.MaxConnectionsPerSource, policy.ConnectorName);
                result = SmtpConnectResult.Refuse(SmtpReplies.TooManyConnections(policy.Fqdn));
            }
        }

        using var timeouts = new TimeoutControl(_services.Time, aborted, policy.ConnectionTimeout);
        var session = new SmtpSession(_services, transport, connection, policy, timeouts) { ShuttingDown = shuttingDown };
        SmtpLog.SessionStarted(logger, connection.ConnectionId, connection.RemoteEndPoint, policy.ConnectorName);
        try
        {
            await session.RunAsync(result.Refusal).ConfigureAwait(false);
        }
        finally
        {
            lease?.Dispose();
            SmtpLog.SessionEnded(logger, connection.ConnectionId, session.CommandCount, session.MessagesAccepted);
            if (accepted)
            {
                try
                {
                    await _services.Backend.SessionEndedAsync(session).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    SmtpLog.BackendFailed(logger, connection.ConnectionId, "SessionEndedAsync", ex);
                }
            }
        }
    }
}

using System.Diagnostics;
using Mailroom.Mailboxes;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Runs POP3 sessions over any <see cref="IConnectionTransport"/>: enforces the per-address connection limit, drives
/// the session to its end and tells the backend. Kestrel's <see cref="Pop3ConnectionHandler"/> calls it per
/// connection; tests call it over in-memory pipes.
/// </summary>
public sealed class Pop3SessionRunner
{
    private readonly Pop3SessionServices _services;
    private readonly ConnectionCounter _connections;

    public Pop3SessionRunner(IPop3Backend backend, IMailboxStore store, IPop3MaildropLocks locks, IOptions<Pop3ServerOptions> options,
        ILoggerFactory loggerFactory, TimeProvider time, Pop3Telemetry telemetry, ConnectionCounter connections)
    {
        options.Value.Validate();
        _services = new Pop3SessionServices(backend, store, locks, options.Value, time, loggerFactory.CreateLogger("Mailroom.Pop3"),
            loggerFactory.CreateLogger("Mailroom.Pop3.Transcript"), telemetry);
        _connections = connections;
    }

    /// <summary>Runs one session to its end. Never throws for anything the client does.</summary>
    /// <param name="aborted">Signalled when the connection is closed under the session (Kestrel's ConnectionClosed).</param>
    public async Task RunAsync(IConnectionTransport transport, Pop3ConnectionInfo connection, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(connection);
        using var activity = Pop3Telemetry.ActivitySource.StartActivity("pop3.session", ActivityKind.Server);
        activity?.SetTag("network.peer.address", connection.RemoteEndPoint?.Address.ToString());
        _services.Telemetry.Connections.Add(1);
        _services.Telemetry.ActiveSessions.Add(1);
        try
        {
            await RunCoreAsync(transport, connection, aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Pop3Log.ConnectionLost(_services.Logger, connection.ConnectionId);
        }
        finally
        {
            _services.Telemetry.ActiveSessions.Add(-1);
        }
    }

    private async Task RunCoreAsync(IConnectionTransport transport, Pop3ConnectionInfo connection, CancellationToken aborted)
    {
        var logger = _services.Logger;
        Pop3Response? refusal = null;
        ConnectionLease? lease = null;
        if (connection.RemoteEndPoint is { } remote)
        {
            lease = _connections.TryAcquire(remote.Address, _services.Options.MaxConnectionsPerAddress, "Pop3");
            if (lease is null)
            {
                Pop3Log.ConnectionLimitReached(logger, connection.ConnectionId, remote, _services.Options.MaxConnectionsPerAddress);
                refusal = Pop3Response.Err(Pop3ResponseCode.SysTemp, "Too many connections from your address");
            }
        }

        if (refusal is null)
        {
            try
            {
                refusal = await _services.Backend.ConnectAsync(connection, aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Pop3Log.BackendFailed(logger, connection.ConnectionId, "ConnectAsync", ex);
                refusal = Pop3Responses.TemporaryFailure;
            }
        }

        using var endRequested = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, endRequested.Token);
        using var timeouts = new TimeoutControl(_services.Time, linked.Token);
        var session = new Pop3Session(_services, transport, connection, timeouts, endRequested);
        Pop3Log.SessionStarted(logger, connection.ConnectionId, connection.RemoteEndPoint);
        try
        {
            await session.RunAsync(refusal).ConfigureAwait(false);
        }
        finally
        {
            lease?.Dispose();
            Pop3Log.SessionEnded(logger, connection.ConnectionId, session.CommandCount);
            try
            {
                await _services.Backend.SessionEndedAsync(session).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Pop3Log.BackendFailed(logger, connection.ConnectionId, "SessionEndedAsync", ex);
            }
        }
    }
}

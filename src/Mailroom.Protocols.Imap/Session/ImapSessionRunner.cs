using Mailroom.Mailboxes;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Runs IMAP sessions over any <see cref="IConnectionTransport"/>: asks the backend whether the connection may
/// proceed, then drives the session to its end. Kestrel's <see cref="ImapConnectionHandler"/> calls it per
/// connection; tests call it over in-memory pipes.
/// </summary>
public sealed class ImapSessionRunner
{
    private readonly ImapSessionServices _services;

    public ImapSessionRunner(IImapBackend backend, IMailboxStore store, IOptions<ImapServerOptions> options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Value.Validate();
        _services = new ImapSessionServices(backend, store, options.Value, time,
            loggerFactory.CreateLogger("Mailroom.Imap"), loggerFactory.CreateLogger("Mailroom.Imap.Transcript"));
    }

    /// <summary>Runs one session to its end. Never throws for anything the client does.</summary>
    /// <param name="aborted">Signalled when the connection is closed under the session or the host stops.</param>
    public async Task RunAsync(IConnectionTransport transport, ImapConnectionInfo connection, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(connection);
        var logger = _services.Logger;
        string? refusal;
        try
        {
            refusal = (await _services.Backend.ConnectAsync(connection, aborted).ConfigureAwait(false)).Refusal;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ImapLog.BackendFailed(logger, connection.ConnectionId, "ConnectAsync", ex);
            refusal = "Service temporarily unavailable";
        }

        if (refusal is not null)
        {
            ImapLog.ConnectionRefused(logger, connection.ConnectionId, connection.RemoteEndPoint, refusal);
        }

        // End() (the session registry, for a disabled or removed mailbox) cancels everything the session awaits.
        using var endRequested = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, endRequested.Token);
        using var timeouts = new TimeoutControl(_services.Time, linked.Token);
        var session = new ImapSession(_services, transport, connection, timeouts, endRequested);
        ImapLog.SessionStarted(logger, connection.ConnectionId, connection.RemoteEndPoint, transport.Tls is not null);
        try
        {
            await session.RunAsync(refusal).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            ImapLog.ConnectionLost(logger, connection.ConnectionId);
        }
        finally
        {
            ImapLog.SessionEnded(logger, connection.ConnectionId, session.CommandCount);
            try
            {
                await _services.Backend.SessionEndedAsync(session).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                ImapLog.BackendFailed(logger, connection.ConnectionId, "SessionEndedAsync", ex);
            }
        }
    }
}

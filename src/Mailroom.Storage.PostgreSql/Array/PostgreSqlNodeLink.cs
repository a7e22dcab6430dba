using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mailroom.Storage.PostgreSql.Array;

/// <summary>
/// A node's one standing connection to the shared store. It holds the node's advisory lock (so a second live node
/// with the same server name is refused, and other nodes can tell this one is alive), and LISTENs for what other
/// nodes change: the directory (a trigger NOTIFYs at every commit) and mailboxes (stores publish change hints).
/// NOTIFY payloads are small and sent in batches over pooled connections. When the connection drops it is opened
/// again, and <see cref="Resynchronize"/> tells listeners that notifications may have been missed meanwhile.
/// </summary>
public sealed partial class PostgreSqlNodeLink : IAsyncDisposable
{
    public const string DirectoryChannel = "mailroom_directory";
    public const string MailboxChannel = "mailroom_mailbox";

    /// <summary>The directory store's write lock ("MRDIR"); the trigger is installed under it so two starting nodes don't race.</summary>
    private const long DirectoryWriteLock = 0x4D52444952;

    private readonly string listenConnectionString;
    private readonly NpgsqlDataSource pool;
    private readonly Channel<(string Channel, string Payload)> outbox = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly long lockKey;
    private NpgsqlConnection? listener;
    private Task? listening;
    private Task? sending;

    public PostgreSqlNodeLink(string connectionString, string serverName)
    {
        ServerName = serverName;
        lockKey = NodeLockKey.Of(serverName);
        listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // closing must end the server session, which frees the node's lock
            KeepAlive = 10,  // a vanished database is noticed while only waiting for notifications
        }.ConnectionString;
        pool = NpgsqlDataSource.Create(connectionString);
    }

    public string ServerName { get; }

    /// <summary>Tells this process's own notifications apart from other nodes'.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The directory changed (on any node, this one included).</summary>
    public event Action? DirectoryChanged;

    /// <summary>A mailbox change hint arrived; the payload is the publisher's text.</summary>
    public event Action<string>? MailboxNotified;

    /// <summary>The link was re-established: notifications sent meanwhile are lost, so re-read what matters.</summary>
    public event Action? Resynchronize;

    /// <summary>Takes the node's lock (or throws <see cref="DuplicateNodeException"/>), installs the directory trigger, LISTENs.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        listener = await ConnectAsync(cancellationToken);
        await EnsureDirectoryTriggerAsync(cancellationToken);
        listening = Task.Run(() => ListenLoopAsync(stopping.Token), CancellationToken.None);
        sending = Task.Run(() => SendLoopAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>Queues a NOTIFY; never blocks or throws (a hint lost to a failure is covered by resynchronizing).</summary>
    public void Notify(string channel, string payload) => outbox.Writer.TryWrite((channel, payload));

    /// <summary>The lock keys of the nodes alive now (see <see cref="NodeLockKey"/>).</summary>
    public async Task<IReadOnlySet<long>> LiveNodeKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(NodeLockKey.HeldKeysSql, connection);
        var keys = new HashSet<long>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(listenConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({lockKey})", connection))
            {
                if (await cmd.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    throw new DuplicateNodeException(ServerName);
                }
            }

            connection.Notification += OnNotification;
            await using (var listen = new NpgsqlCommand($"LISTEN {DirectoryChannel}; LISTEN {MailboxChannel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A statement-level trigger NOTIFYs at commit of every directory write, whoever made it.</summary>
    private async Task EnsureDirectoryTriggerAsync(CancellationToken cancellationToken)
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({DirectoryWriteLock})", connection, transaction))
        {
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var check = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgname = 'mailroom_directory_changed'", connection, transaction);
        if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) == 0)
        {
            await using var create = new NpgsqlCommand(
                $"""
                CREATE OR REPLACE FUNCTION mailroom_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{DirectoryChannel}', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER mailroom_directory_changed AFTER INSERT OR UPDATE OR DELETE ON directory_objects
                    FOR EACH STATEMENT EXECUTE FUNCTION mailroom_directory_changed();
                """, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        try
        {
            if (e.Channel == DirectoryChannel)
            {
                DirectoryChanged?.Invoke();
            }
            else if (e.Channel == MailboxChannel)
            {
                MailboxNotified?.Invoke(e.Payload);
            }
        }
        catch (Exception ex)
        {
            LogHandlerFailed(Logger, e.Channel, ex);
        }
    }

    private async Task ListenLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await listener!.WaitAsync(stop);
                continue;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLinkLost(Logger, ex);
            }

            await listener!.DisposeAsync();
            listener = await ReconnectAsync(stop);
            if (listener is null)
            {
                return;
            }

            LogLinkRestored(Logger);
            Raise(Resynchronize);
            Raise(DirectoryChanged);
        }
    }

    private async Task<NpgsqlConnection?> ReconnectAsync(CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stop);
                return await ConnectAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (DuplicateNodeException)
            {
                // While this node was cut off, a process with its name started: the administrator must sort it out.
                LogNameTaken(Logger, ServerName);
            }
            catch (Exception ex)
            {
                LogReconnectFailed(Logger, attempt, ex);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        var batch = new List<(string Channel, string Payload)>();
        try
        {
            while (await outbox.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < 64 && outbox.Reader.TryRead(out var item))
                {
                    if (!batch.Contains(item))
                    {
                        batch.Add(item);
                    }
                }

                try
                {
                    await using var connection = await pool.OpenConnectionAsync(stop);
                    await using var cmd = new NpgsqlCommand("SELECT " + string.Join(", ", batch.Select((_, i) => $"pg_notify(${2 * i + 1}, ${2 * i + 2})")), connection);
                    foreach (var (channel, payload) in batch)
                    {
                        cmd.Parameters.Add(new NpgsqlParameter { Value = channel });
                        cmd.Parameters.Add(new NpgsqlParameter { Value = payload });
                    }

                    await cmd.ExecuteNonQueryAsync(stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogNotifyFailed(Logger, batch.Count, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Raise(Action? handler)
    {
        try
        {
            handler?.Invoke();
        }
        catch (Exception ex)
        {
            LogHandlerFailed(Logger, "resynchronize", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        outbox.Writer.TryComplete();
        foreach (var task in new[] { listening, sending })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(false);
            }
        }

        if (listener is not null)
        {
            await listener.DisposeAsync(); // ends the session: the node's lock is free at once
        }

        await pool.DisposeAsync();
        stopping.Dispose();
    }

    [LoggerMessage(3900, LogLevel.Warning, "The array link to PostgreSQL was lost; reconnecting")]
    private static partial void LogLinkLost(ILogger logger, Exception exception);

    [LoggerMessage(3901, LogLevel.Information, "The array link to PostgreSQL is back; re-reading what may have changed meanwhile")]
    private static partial void LogLinkRestored(ILogger logger);

    [LoggerMessage(3902, LogLevel.Warning, "Reconnecting the array link failed (attempt {Attempt})")]
    private static partial void LogReconnectFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(3903, LogLevel.Critical, "While this node was cut off from PostgreSQL, another node took the server name {ServerName}; stop one of them")]
    private static partial void LogNameTaken(ILogger logger, string serverName);

    [LoggerMessage(3904, LogLevel.Warning, "Sending {Count} change notifications failed; other nodes catch up at their next re-read")]
    private static partial void LogNotifyFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(3905, LogLevel.Error, "A handler of {Channel} notifications failed")]
    private static partial void LogHandlerFailed(ILogger logger, string channel, Exception exception);
}

using Mailroom.Server.Hosting;
using Mailroom.Storage.PostgreSql.Array;
using Mailroom.Transport.Delivery;

namespace Mailroom.Server.Array;

/// <summary>
/// Takes over the queue work of members that died: every few seconds it lists the nodes holding leases and frees the
/// leases of any whose lock (<see cref="NodeLockKey"/>) is no longer held, so another member delivers their messages
/// within seconds instead of after the lease expires (which still covers a node that hangs without dying). A second
/// attempt is harmless: local delivery is idempotent per message and recipient.
/// </summary>
public sealed partial class DeadNodeLeaseSweeper(
    NodeStores stores, PostgreSqlNodeLink link, QueueProcessor processor, TimeProvider time, ILogger<DeadNodeLeaseSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Frees the leases of dead members; returns how many recipients were freed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var owners = new List<string>();
        await using (var connection = await stores.OpenNodeDatabaseAsync(cancellationToken))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT DISTINCT lease_owner FROM queue_recipients WHERE lease_owner IS NOT NULL";
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }
        }

        owners.RemoveAll(o => o.Equals(link.ServerName, StringComparison.OrdinalIgnoreCase));
        if (owners.Count == 0)
        {
            return 0;
        }

        var live = await link.LiveNodeKeysAsync(cancellationToken);
        var freed = 0;
        foreach (var owner in owners.Where(o => !live.Contains(NodeLockKey.Of(o))))
        {
            var count = await stores.Queue.ReleaseLeasesAsync(owner, cancellationToken);
            LogTakenOver(logger, count, owner);
            freed += count;
        }

        if (freed > 0)
        {
            processor.Signal();
        }

        return freed;
    }

    [LoggerMessage(3920, LogLevel.Warning, "Member {Node} is gone; freed its {Count} leased queue recipients for the others to deliver")]
    private static partial void LogTakenOver(ILogger logger, int count, string node);

    [LoggerMessage(3921, LogLevel.Warning, "Looking for the leases of dead members failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

using Mailroom.Directory.Storage;
using Mailroom.Storage.PostgreSql.Array;

namespace Mailroom.Server.Array;

/// <summary>
/// Turns what the array link hears into cache invalidation: a directory change on any node moves this node's
/// <see cref="IDirectoryStore.ChangeGeneration"/> (every <see cref="DirectoryReadCache{TKey, TValue}"/>, the receive
/// connector cache and the component states key off it). As a safety net against a lost notification, the
/// generation also moves every <see cref="SafetyNetInterval"/>.
/// </summary>
public sealed class ArrayChangeListener(PostgreSqlNodeLink link, IDirectoryStore directory, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan SafetyNetInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnChanged() => directory.NoteChange();
        link.DirectoryChanged += OnChanged;
        try
        {
            using var timer = new PeriodicTimer(SafetyNetInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                directory.NoteChange();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            link.DirectoryChanged -= OnChanged;
        }
    }
}

using Mailroom.Directory.Commands.ComponentStates;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Web.Health;

namespace Mailroom.Server.Array;

/// <summary>
/// This node's server component states, kept current from the directory: re-read as soon as the directory changes
/// (a local write, or another node's heard through the array link) and every few seconds regardless. Listeners,
/// health probes and the transport queue ask it whether their component is active. When a component turns
/// Inactive its open connections end at once; when it has been Draining longer than Mailroom:Server:DrainTimeout,
/// they end then.
/// </summary>
public sealed partial class ComponentStateMonitor(
    IDirectoryStore directory, ComponentConnections connections, string serverName, string fqdn, TimeSpan? drainTimeout, TimeProvider time,
    ILogger<ComponentStateMonitor> logger) : BackgroundService, IServerHealth
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RereadInterval = TimeSpan.FromSeconds(5);

    private readonly HashSet<(string Component, DateTime Since)> drainsEnded = [];
    private volatile IReadOnlyList<ComponentStateEntry> entries = [];
    private long readAtGeneration = -1;
    private DateTimeOffset readAt;

    public string Fqdn => fqdn;

    public ServiceState State(string component) => ServerComponents.Effective(entries, component);

    public bool IsActive(string component) => State(component) == ServiceState.Active;

    /// <summary>Raised after a component's effective state changed (component, new state).</summary>
    public event Action<string, ServiceState>? StateChanged;

    public void NoteRefused(string listener) => LogRefused(logger, listener);

    /// <summary>Reads the states now and acts on changes.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var generation = directory.ChangeGeneration;
        var fresh = await directory.ReadAsync(r => ComponentStateStore.ReadAsync(r, serverName, cancellationToken), cancellationToken);
        var before = entries;
        entries = fresh;
        readAtGeneration = generation;
        readAt = time.GetUtcNow();
        foreach (var component in ServerComponents.All)
        {
            var was = ServerComponents.Effective(before, component);
            var now = ServerComponents.Effective(fresh, component);
            if (was == now)
            {
                continue;
            }

            LogStateChanged(logger, component, was, now);
            if (now == ServiceState.Inactive && connections.AbortAll(component, $"{component} is inactive") is var ended and > 0)
            {
                LogEnded(logger, ended, component);
            }

            StateChanged?.Invoke(component, now);
        }

        EndOverdueDrains();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (directory.ChangeGeneration == readAtGeneration && time.GetUtcNow() - readAt < RereadInterval)
                {
                    EndOverdueDrains();
                    continue;
                }

                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    readAt = time.GetUtcNow(); // keep the last known states; try again after the re-read interval
                    LogReadFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void EndOverdueDrains()
    {
        if (drainTimeout is not { } timeout)
        {
            return;
        }

        var current = entries;
        foreach (var component in ServerComponents.All)
        {
            if (ServerComponents.Effective(current, component) != ServiceState.Draining || ServerComponents.Since(current, component) is not { } since)
            {
                continue;
            }

            if (time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(since, DateTimeKind.Utc) >= timeout && drainsEnded.Add((component, since)))
            {
                var ended = connections.AbortAll(component, $"{component} drain timed out");
                LogDrainTimedOut(logger, component, ended);
            }
        }
    }

    [LoggerMessage(3910, LogLevel.Warning, "Server component {Component} is now {State} (was {Previous})")]
    private static partial void LogStateChanged(ILogger logger, string component, ServiceState previous, ServiceState state);

    [LoggerMessage(3911, LogLevel.Information, "Ended {Count} open connections of {Component}")]
    private static partial void LogEnded(ILogger logger, int count, string component);

    [LoggerMessage(3912, LogLevel.Warning, "{Component} drained past Mailroom:Server:DrainTimeout; ended its {Count} remaining connections")]
    private static partial void LogDrainTimedOut(ILogger logger, string component, int count);

    [LoggerMessage(3913, LogLevel.Debug, "Refused a new connection on {Listener}: its component isn't active")]
    private static partial void LogRefused(ILogger logger, string listener);

    [LoggerMessage(3914, LogLevel.Warning, "Reading the server component states failed; keeping the last known ones")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}

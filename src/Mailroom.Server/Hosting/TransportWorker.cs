using Mailroom.Transport.Delivery;

namespace Mailroom.Server.Hosting;

/// <summary>
/// Runs the queue processor for the node's lifetime, and sweeps unreferenced message bodies once an hour. The
/// sweep's grace period outlasts message expiry, so a body still waiting in the queue is never swept.
/// </summary>
public sealed class TransportWorker(QueueProcessor processor, NodeStores stores, TransportOptions options, ILogger<TransportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepAsync(stoppingToken);
        await processor.RunAsync(stoppingToken);
        await sweeping;
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await stores.Mailboxes.Blobs.SweepAsync(options.MessageExpirationTimeout + TimeSpan.FromDays(1), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Sweeping unreferenced message bodies failed; the next sweep tries again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

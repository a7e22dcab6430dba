using Mailroom.ClientAccess.Rules;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Management;

namespace Mailroom.Server.ClientAccess;

/// <summary>Drives <see cref="MailboxAccessMonitor"/> and <see cref="ClientAccessSessionCheck"/>: a check per interval, and one right after each local directory write.</summary>
public sealed partial class ClientSessionMonitorService(
    MailboxAccessMonitor monitor, ClientAccessSessionCheck access, ManagementService management, TimeSpan interval, TimeProvider time, ILogger<ClientSessionMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnChanged(string command) => monitor.Wake();
        management.DirectoryChanged += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await monitor.WaitAsync(interval, time, stoppingToken);
                try
                {
                    // Mailboxes first (disabled, removed), then client access rules and protocol switches.
                    var ended = await monitor.CheckAsync(stoppingToken) + await access.CheckAsync(stoppingToken);
                    if (ended > 0)
                    {
                        SessionsEnded(logger, ended);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
        finally
        {
            management.DirectoryChanged -= OnChanged;
        }
    }

    [LoggerMessage(3700, LogLevel.Information, "Ended {Count} client sessions of mailboxes that were disabled or removed, or that client access rules now deny")]
    private static partial void SessionsEnded(ILogger logger, int count);

    [LoggerMessage(3701, LogLevel.Warning, "Checking client sessions against the directory failed; retrying at the next interval")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}

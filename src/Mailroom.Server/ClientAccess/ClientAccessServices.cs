using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Management;

namespace Mailroom.Server.ClientAccess;

/// <summary>
/// The session registry IMAP and POP3 register logged-in sessions with, and the monitor that ends the sessions of
/// mailboxes disabled or removed: every <c>Mailroom:ClientAccess:SessionCheckInterval</c> (default 5 seconds, which
/// is how fast a change made on another node of an array arrives), and at once after this node's management API
/// changed the directory.
/// </summary>
public static class ClientAccessServices
{
    public static IServiceCollection AddMailroomClientAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetValue<TimeSpan?>("Mailroom:ClientAccess:SessionCheckInterval") ?? TimeSpan.FromSeconds(5);
        services.AddSingleton<ClientSessionRegistry>();
        services.AddSingleton<MailboxAccessMonitor>();
        services.AddHostedService(sp => new ClientSessionMonitorService(
            sp.GetRequiredService<MailboxAccessMonitor>(), sp.GetRequiredService<ManagementService>(), interval,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClientSessionMonitorService>>()));
        return services;
    }
}

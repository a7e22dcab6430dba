using Mailroom.Server.Hosting;
using Mailroom.Web.Health;

namespace Mailroom.Server.Array;

/// <summary>
/// Registers what makes a node a member of an array: its component states (listeners' gate, health probes, queue
/// gate), and on PostgreSQL the change listener and the takeover of dead members' queue leases.
/// </summary>
public static class ArrayServices
{
    public static IServiceCollection AddMailroomArray(this IServiceCollection services, MailroomOptions options, NodeStores stores, Directory.Bootstrap.NodeIdentity node)
    {
        services.AddSingleton<ComponentConnections>();
        services.AddSingleton(sp => new ComponentStateMonitor(
            stores.Directory, sp.GetRequiredService<ComponentConnections>(), node.ServerName, node.Fqdn, options.Server.DrainTimeout,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ComponentStateMonitor>>()));
        services.AddSingleton<IServerHealth>(sp => sp.GetRequiredService<ComponentStateMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<ComponentStateMonitor>());
        if (stores.Link is { } link)
        {
            services.AddSingleton(link);
            services.AddHostedService(sp => new ArrayChangeListener(link, stores.Directory, sp.GetRequiredService<TimeProvider>()));
            services.AddHostedService<DeadNodeLeaseSweeper>();
        }

        return services;
    }
}

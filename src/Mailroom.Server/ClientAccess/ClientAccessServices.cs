using Mailroom.ClientAccess.Rules;
using Mailroom.ClientAccess.Rules.Commands;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Commands.AuthenticationLockouts;
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
        services.AddSingleton(configuration.GetSection("Mailroom:ClientAccess").Get<ClientAccessOptions>() ?? new ClientAccessOptions());
        services.AddSingleton(sp => new ClientAccessTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new ClientAccessRuleCache(sp.GetRequiredService<Directory.Storage.IDirectoryStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ClientAccessPolicy(
            sp.GetRequiredService<ClientAccessRuleCache>(), sp.GetRequiredService<Directory.Storage.IDirectoryStore>(), sp.GetRequiredService<ClientAccessOptions>(),
            sp.GetRequiredService<ClientAccessTelemetry>(), sp.GetRequiredService<ILogger<ClientAccessPolicy>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ClientAccessSessionCheck>();
        services.AddHostedService(sp => new ClientSessionMonitorService(
            sp.GetRequiredService<MailboxAccessMonitor>(), sp.GetRequiredService<ClientAccessSessionCheck>(), sp.GetRequiredService<ManagementService>(), interval,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClientSessionMonitorService>>()));
        return services;
    }

    /// <summary>
    /// The node's commands with client access added: the rule-changing commands wrapped in lockout protection,
    /// Test-ClientAccessRule, and the lockout cmdlets over this node's login throttle.
    /// </summary>
    public static IEnumerable<ManagementCommand> Commands(IServiceProvider services, IEnumerable<ManagementCommand> directoryCommands)
    {
        var throttle = services.GetRequiredService<Directory.Security.LoginThrottle>();
        return ClientAccessRuleCommands.With(directoryCommands)
            .Append(new GetAuthenticationLockoutCommand(throttle))
            .Append(new ClearAuthenticationLockoutCommand(throttle));
    }
}

using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailroom.Protocols.Pop3;

/// <summary>The listener's name, as given to <see cref="Pop3HostingExtensions.UsePop3"/>.</summary>
public interface IPop3ListenerFeature
{
    string ListenerName { get; }
}

public static class Pop3HostingExtensions
{
    /// <summary>
    /// Registers the POP3 engine: options, <see cref="Pop3SessionRunner"/>, <see cref="Pop3ConnectionHandler"/>, telemetry,
    /// <see cref="InProcessMaildropLocks"/> and the per-IP <see cref="ConnectionCounter"/> unless already registered.
    /// The host also registers an <see cref="IPop3Backend"/> and an <see cref="Mailboxes.IMailboxStore"/>.
    /// </summary>
    public static IServiceCollection AddMailroomPop3(this IServiceCollection services, Action<Pop3ServerOptions>? configure = null)
    {
        var options = services.AddOptions<Pop3ServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionCounter>();
        services.TryAddSingleton<IPop3MaildropLocks, InProcessMaildropLocks>();
        services.TryAddSingleton(sp => new Pop3Telemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<Pop3SessionRunner>();
        services.TryAddSingleton<Pop3ConnectionHandler>();
        return services;
    }

    /// <summary>Serves POP3 on this listener. Call <c>UseHttps</c> before it for implicit TLS.</summary>
    public static ListenOptions UsePop3(this ListenOptions listen, string listenerName)
    {
        var feature = new ListenerFeature(listenerName);
        listen.Use(next => connection =>
        {
            connection.Features.Set<IPop3ListenerFeature>(feature);
            return next(connection);
        });
        listen.UseConnectionHandler<Pop3ConnectionHandler>();
        return listen;
    }

    private sealed record ListenerFeature(string ListenerName) : IPop3ListenerFeature;
}

using Mailroom.Networking;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailroom.Protocols.Smtp;

/// <summary>The listener's name, as given to <see cref="SmtpHostingExtensions.UseSmtp"/>.</summary>
public interface ISmtpListenerFeature
{
    string ListenerName { get; }
}

public static class SmtpHostingExtensions
{
    /// <summary>
    /// Registers the SMTP engine: options, <see cref="SmtpSessionRunner"/>, <see cref="SmtpConnectionHandler"/>,
    /// telemetry, the per-IP <see cref="ConnectionCounter"/> and <see cref="TimeProvider.System"/> unless already
    /// registered. The host also registers an <see cref="ISmtpBackend"/>.
    /// </summary>
    public static IServiceCollection AddMailroomSmtp(this IServiceCollection services, Action<SmtpServerOptions>? configure = null)
    {
        var options = services.AddOptions<SmtpServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionCounter>();
        services.TryAddSingleton(sp => new SmtpTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<SmtpSessionRunner>();
        services.TryAddSingleton<SmtpConnectionHandler>();
        return services;
    }

    /// <summary>Serves SMTP on this listener. Call <c>UseHttps</c> before it for implicit TLS.</summary>
    /// <param name="listenerName">Passed to the backend in <see cref="SmtpConnectionInfo.ListenerName"/>.</param>
    public static ListenOptions UseSmtp(this ListenOptions listen, string listenerName)
    {
        var feature = new ListenerFeature(listenerName);
        listen.Use(next => connection =>
        {
            connection.Features.Set<ISmtpListenerFeature>(feature);
            return next(connection);
        });
        listen.UseConnectionHandler<SmtpConnectionHandler>();
        return listen;
    }

    private sealed record ListenerFeature(string ListenerName) : ISmtpListenerFeature;
}

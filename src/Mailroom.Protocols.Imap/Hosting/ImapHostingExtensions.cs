using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mailroom.Protocols.Imap;

/// <summary>The listener's name, as given to <see cref="ImapHostingExtensions.UseImap"/>.</summary>
public interface IImapListenerFeature
{
    string ListenerName { get; }
}

public static class ImapHostingExtensions
{
    /// <summary>
    /// Registers the IMAP engine: options, <see cref="ImapSessionRunner"/>, <see cref="ImapConnectionHandler"/> and
    /// <see cref="TimeProvider.System"/> unless registered. The host also registers an <see cref="IImapBackend"/> and
    /// an <see cref="Mailboxes.IMailboxStore"/>.
    /// </summary>
    public static IServiceCollection AddMailroomImap(this IServiceCollection services, Action<ImapServerOptions>? configure = null)
    {
        var options = services.AddOptions<ImapServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImapSessionRunner>();
        services.TryAddSingleton<ImapConnectionHandler>();
        return services;
    }

    /// <summary>Serves IMAP on this listener. Call <c>UseHttps</c> before it for implicit TLS.</summary>
    public static ListenOptions UseImap(this ListenOptions listen, string listenerName)
    {
        var feature = new ListenerFeature(listenerName);
        listen.Use(next => connection =>
        {
            connection.Features.Set<IImapListenerFeature>(feature);
            return next(connection);
        });
        listen.UseConnectionHandler<ImapConnectionHandler>();
        return listen;
    }

    private sealed record ListenerFeature(string ListenerName) : IImapListenerFeature;
}

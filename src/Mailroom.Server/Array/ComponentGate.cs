using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mailroom.Server.Array;

/// <summary>
/// Connection middleware in front of a protocol handler (after TLS on implicit-TLS listeners): while the listener's
/// component is draining or inactive, a new connection gets the protocol's temporary failure and is closed; open
/// connections are tracked so an inactive component can end them (NLB's stop, exchange.md §5.5).
/// </summary>
public static class ComponentGate
{
    public static ListenOptions UseComponentGate(this ListenOptions listen, string listener, ComponentStateMonitor monitor, ComponentConnections connections, string fqdn)
    {
        if (ListenerComponents.Of(listener) is not { } component)
        {
            return listen;
        }

        var refusal = ListenerComponents.Refusal(listener, fqdn);
        listen.Use(next => async connection =>
        {
            if (!monitor.IsActive(component))
            {
                monitor.NoteRefused(listener);
                await connection.Transport.Output.WriteAsync(refusal);
                return;
            }

            using var tracked = connections.Track(component, connection);
            if (monitor.State(component) == Directory.Model.ServiceState.Inactive)
            {
                return; // went inactive between the check and tracking
            }

            await next(connection);
        });
        return listen;
    }
}

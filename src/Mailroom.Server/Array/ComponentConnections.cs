using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Mailroom.Server.Array;

/// <summary>The open connections of each component's listeners, so stopping a component can end them all at once.</summary>
public sealed class ComponentConnections
{
    private readonly ConcurrentDictionary<ConnectionContext, string> open = new();

    public IDisposable Track(string component, ConnectionContext connection)
    {
        open[connection] = component;
        return new Tracked(this, connection);
    }

    public int Count(string component) => open.Count(kv => kv.Value == component);

    /// <summary>Aborts every open connection of <paramref name="component"/>; returns how many.</summary>
    public int AbortAll(string component, string reason)
    {
        var aborted = 0;
        foreach (var (connection, owner) in open)
        {
            if (owner == component)
            {
                connection.Abort(new ConnectionAbortedException(reason));
                aborted++;
            }
        }

        return aborted;
    }

    private sealed class Tracked(ComponentConnections owner, ConnectionContext connection) : IDisposable
    {
        public void Dispose() => owner.open.TryRemove(connection, out _);
    }
}

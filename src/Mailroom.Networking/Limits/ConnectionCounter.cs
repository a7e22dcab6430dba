using System.Net;

namespace Mailroom.Networking;

/// <summary>
/// Counts open connections per remote IP address, optionally per scope (a receive connector, a listener), to enforce
/// limits such as Exchange's MaxInboundConnectionPerSource. IPv4-mapped IPv6 addresses count as their IPv4 form.
/// </summary>
public sealed class ConnectionCounter
{
    private readonly Dictionary<(string Scope, IPAddress Address), int> _counts = [];
    private readonly Lock _gate = new();

    /// <summary>Takes a slot unless <paramref name="limit"/> connections are open already (0 or less: no limit).</summary>
    /// <returns>A lease to dispose when the connection ends, or null when the limit is reached.</returns>
    public ConnectionLease? TryAcquire(IPAddress address, int limit, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = (scope, Normalize(address));
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(key);
            if (limit > 0 && count >= limit)
            {
                return null;
            }

            _counts[key] = count + 1;
        }

        return new ConnectionLease(this, key);
    }

    /// <summary>The number of open connections counted for <paramref name="address"/> in <paramref name="scope"/>.</summary>
    public int GetCount(IPAddress address, string scope = "")
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault((scope, Normalize(address)));
        }
    }

    internal void Release((string Scope, IPAddress Address) key)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(key) - 1;
            if (count <= 0)
            {
                _counts.Remove(key);
            }
            else
            {
                _counts[key] = count;
            }
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>One counted connection; disposing it (once or more) frees the slot.</summary>
public sealed class ConnectionLease : IDisposable
{
    private ConnectionCounter? _owner;
    private readonly (string Scope, IPAddress Address) _key;

    internal ConnectionLease(ConnectionCounter owner, (string Scope, IPAddress Address) key)
    {
        _owner = owner;
        _key = key;
    }

    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release(_key);
}

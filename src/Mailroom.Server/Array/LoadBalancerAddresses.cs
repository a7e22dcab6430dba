using System.Net;

namespace Mailroom.Server.Array;

/// <summary>Mailroom:LoadBalancers: the addresses (<c>10.0.0.5</c>) or ranges (<c>10.0.0.0/29</c>) that must send PROXY protocol v2.</summary>
public static class LoadBalancerAddresses
{
    public static Func<IPAddress, bool>? Parse(IReadOnlyList<string> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var networks = entries.Select(ParseOne).ToList();
        return address => networks.Any(n => n.Contains(address));
    }

    private static IPNetwork ParseOne(string entry)
    {
        var text = entry.Trim();
        if (IPAddress.TryParse(text, out var single))
        {
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"Mailroom:LoadBalancers entry \"{entry}\" is neither an IP address nor a range such as 10.0.0.0/29.");
    }
}

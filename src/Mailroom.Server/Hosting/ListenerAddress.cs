using System.Globalization;
using System.Net;

namespace Mailroom.Server.Hosting;

/// <summary>Parses a listener value: <c>127.0.0.1:2443</c>, <c>[::1]:2443</c>, <c>*:443</c> or <c>0.0.0.0:443</c>.</summary>
public static class ListenerAddress
{
    public static IPEndPoint Parse(string name, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"Mailroom:Listeners:{name} = \"{value}\" isn't an address:port such as 127.0.0.1:2443.");
        }

        var host = value[..colon].Trim('[', ']');
        var address = host == "*" ? IPAddress.IPv6Any
            : IPAddress.TryParse(host, out var ip) ? ip
            : throw new FormatException($"Mailroom:Listeners:{name} = \"{value}\": \"{host}\" isn't an IP address (use * for all interfaces).");
        return new IPEndPoint(address, port);
    }
}

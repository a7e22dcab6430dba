using System.Globalization;
using System.Net;
using Mailroom.Directory.Connectors;

namespace Mailroom.Directory.Bootstrap;

/// <summary>Turns a configured listener (<c>127.0.0.1:2525</c>, <c>[::1]:2525</c>, <c>*:25</c>) into receive connector bindings.</summary>
public static class ListenerBindings
{
    public static IReadOnlyList<IPBinding> Of(string name, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"Mailroom:Listeners:{name} = \"{value}\" isn't an address:port such as 127.0.0.1:2525.");
        }

        // A connector answers on a known port; an ephemeral one exists only once the socket is bound, after first start.
        if (port == 0)
        {
            throw new FormatException($"Mailroom:Listeners:{name} = \"{value}\": a receive connector needs a fixed port, so the SMTP listeners can't use port 0.");
        }

        var host = value[..colon].Trim().Trim('[', ']');

        // "*" and [::] are one dual-stack socket that also takes IPv4 connections (seen as IPv4 after normalizing),
        // so the connector binds both wildcards, as Exchange's defaults do.
        if (host == "*" || (IPAddresses.TryParse(host, out var any) && any.Equals(IPAddress.IPv6Any)))
        {
            return [new IPBinding(IPAddress.IPv6Any, port), new IPBinding(IPAddress.Any, port)];
        }

        return IPAddresses.TryParse(host, out var address)
            ? [new IPBinding(address, port)]
            : throw new FormatException($"Mailroom:Listeners:{name} = \"{value}\": \"{host}\" isn't an IP address (use * for all interfaces).");
    }
}

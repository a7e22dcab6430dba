using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// One entry of a receive connector's <c>Bindings</c>: the local address and port it answers on, written as Exchange
/// writes it (<c>0.0.0.0:25</c>, <c>[::]:25</c>, <c>192.168.1.5:25</c>, <c>[2001:db8::5]:25</c>). <c>0.0.0.0</c> and
/// <c>[::]</c> mean every local IPv4 or IPv6 address. Like Exchange's IPBinding it is an <see cref="IPEndPoint"/>.
/// </summary>
[JsonConverter(typeof(IPBindingJsonConverter))]
public sealed class IPBinding(IPAddress address, int port) : IPEndPoint(IPAddresses.Normalize(address), port)
{
    public bool IsWildcard => IPAddresses.IsWildcard(Address);

    /// <summary>True when a connection accepted on <paramref name="local"/> arrives through this binding.</summary>
    public bool Matches(IPEndPoint local)
    {
        var address = IPAddresses.Normalize(local.Address);
        return local.Port == Port && address.AddressFamily == AddressFamily && (IsWildcard || address.Equals(Address));
    }

    /// <summary>Exchange's binding syntax, stricter than <see cref="IPEndPoint.Parse(string)"/>: a port is required.</summary>
    public static new IPBinding Parse(string text) =>
        TryParse(text, out var binding, out var error) ? binding! : throw new FormatException(error);

    public static bool TryParse(string? text, out IPBinding? binding, out string? error)
    {
        binding = null;
        text = text?.Trim() ?? string.Empty;
        error = Parse(text, out binding);
        if (error is not null)
        {
            error = $"\"{text}\" isn't a valid binding: {error} Use an IP address and a port, such as 0.0.0.0:25, [::]:25 or 192.168.1.5:587.";
        }

        return error is null;
    }

    private static string? Parse(string text, out IPBinding? binding)
    {
        binding = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return "the port is missing.";
        }

        var host = text[..colon];
        if (host.Contains(':'))
        {
            // Without brackets, the last colon of an IPv6 address can't be told from the port's.
            if (!host.StartsWith('[') || !host.EndsWith(']'))
            {
                return "an IPv6 address is written in brackets.";
            }

            host = host[1..^1];
        }

        if (!IPAddresses.TryParse(host, out var address))
        {
            return $"\"{host}\" isn't an IP address.";
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return "the port is a number from 1 to 65535.";
        }

        binding = new IPBinding(address, port);
        return null;
    }
}

/// <summary>Stores and sends a binding in its text form.</summary>
public sealed class IPBindingJsonConverter : JsonConverter<IPBinding>
{
    public override IPBinding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPBinding.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, IPBinding value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

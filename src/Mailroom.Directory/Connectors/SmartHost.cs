using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mailroom.Addressing;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// One entry of a send connector's <c>SmartHosts</c>: a host name (<c>relay.contoso.com</c>) or an IP address, which
/// is shown as an address literal (<c>[192.168.1.10]</c>) as Exchange shows it.
/// </summary>
[JsonConverter(typeof(SmartHostJsonConverter))]
public sealed record SmartHost
{
    private SmartHost(string? domain, IPAddress? address)
    {
        Domain = domain;
        Address = address;
    }

    /// <summary>The host name, or null for an IP smart host.</summary>
    public string? Domain { get; }

    /// <summary>The IP address, or null for a smart host given by name.</summary>
    public IPAddress? Address { get; }

    public bool IsIPAddress => Address is not null;

    public override string ToString() => Address is null ? Domain! : $"[{Address}]";

    public static SmartHost Parse(string text) =>
        TryParse(text, out var host, out var error) ? host! : throw new FormatException(error);

    public static bool TryParse(string? text, out SmartHost? host, out string? error)
    {
        host = null;
        error = null;
        text = text?.Trim() ?? string.Empty;
        var literal = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (IPAddresses.TryParse(literal, out var address))
        {
            host = new SmartHost(null, address);
            return true;
        }

        if (literal.Length != text.Length || !SmtpDomain.TryParse(text.TrimEnd('.'), allowWildcard: false, out var domain, out _))
        {
            error = $"\"{text}\" isn't a valid smart host. Use a host name (relay.contoso.com) or an IP address (192.168.1.10 or [192.168.1.10]).";
            return false;
        }

        host = new SmartHost(domain!.ToString().ToLowerInvariant(), null);
        return true;
    }
}

/// <summary>Stores and sends a smart host in its text form.</summary>
public sealed class SmartHostJsonConverter : JsonConverter<SmartHost>
{
    public override SmartHost Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SmartHost.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, SmartHost value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

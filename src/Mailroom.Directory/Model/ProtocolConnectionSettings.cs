using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>How a client connects: <c>SSL</c> is implicit TLS (993, 995, 465), <c>TLS</c> is STARTTLS, <c>None</c> plain.</summary>
public enum ConnectionEncryption
{
    None,
    SSL,
    TLS,
}

/// <summary>
/// One entry of Exchange's <c>ExternalConnectionSettings</c>/<c>InternalConnectionSettings</c>:
/// <c>mail.contoso.com:993:SSL</c>, <c>mail.contoso.com:143:TLS</c>, or <c>host:port</c> for no encryption.
/// </summary>
[JsonConverter(typeof(ProtocolConnectionSettingsJsonConverter))]
public sealed record ProtocolConnectionSettings(string Hostname, int Port, ConnectionEncryption EncryptionType)
{
    public static bool TryParse(string? text, out ProtocolConnectionSettings settings)
    {
        settings = null!;
        var parts = (text ?? string.Empty).Trim().Split(':');
        if (parts.Length is < 2 or > 3 || !IsHostName(parts[0])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var encryption = ConnectionEncryption.None;
        if (parts.Length == 3 && !Enum.TryParse(parts[2], ignoreCase: true, out encryption))
        {
            return false;
        }

        settings = new ProtocolConnectionSettings(parts[0].ToLowerInvariant(), port, encryption);
        return true;
    }

    public static ProtocolConnectionSettings Parse(string text) =>
        TryParse(text, out var settings) ? settings : throw new FormatException($"\"{text}\" isn't host:port[:SSL|TLS].");

    public override string ToString() =>
        EncryptionType == ConnectionEncryption.None ? $"{Hostname}:{Port}" : $"{Hostname}:{Port}:{EncryptionType}";

    /// <summary>RFC 1123 host names: letters, digits and hyphens in dot-separated labels of at most 63.</summary>
    public static bool IsHostName(string name) =>
        name.Length is > 0 and <= 253
        && name.Split('.').All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}

internal sealed class ProtocolConnectionSettingsJsonConverter : JsonConverter<ProtocolConnectionSettings>
{
    public override ProtocolConnectionSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProtocolConnectionSettings.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, ProtocolConnectionSettings value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

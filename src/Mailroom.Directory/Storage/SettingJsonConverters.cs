using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mailroom.Sizes;

namespace Mailroom.Directory.Storage;

/// <summary>Writes a size in Exchange's display form (<c>36 MB (37,748,736 bytes)</c>), which parses back exactly.</summary>
public sealed class ByteQuantifiedSizeJsonConverter : JsonConverter<ByteQuantifiedSize>
{
    public override ByteQuantifiedSize Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new ByteQuantifiedSize(reader.GetUInt64()) : ByteQuantifiedSize.Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, ByteQuantifiedSize value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Exchange's <c>Unlimited&lt;int&gt;</c>: a number, or <c>"Unlimited"</c> for null.</summary>
public sealed class UnlimitedIntJsonConverter : JsonConverter<int?>
{
    public const string Unlimited = "Unlimited";

    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32(),
        JsonTokenType.Null => null,
        _ when reader.GetString() is { } text && !text.Equals(Unlimited, StringComparison.OrdinalIgnoreCase) =>
            int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
        _ => null,
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } n)
        {
            writer.WriteNumberValue(n);
        }
        else
        {
            writer.WriteStringValue(Unlimited);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Directory.Model;

/// <summary>An email address policy's priority: 1 is evaluated first; <c>Lowest</c> marks the default policy.</summary>
[JsonConverter(typeof(EmailAddressPolicyPriorityJsonConverter))]
public readonly record struct EmailAddressPolicyPriority(int Value)
{
    public static readonly EmailAddressPolicyPriority Lowest = new(int.MaxValue);

    public bool IsLowest => Value == int.MaxValue;

    public override string ToString() => IsLowest ? "Lowest" : Value.ToString(CultureInfo.InvariantCulture);
}

public sealed class EmailAddressPolicyPriorityJsonConverter : JsonConverter<EmailAddressPolicyPriority>
{
    public override EmailAddressPolicyPriority Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new(reader.GetInt32())
        : reader.GetString() is "Lowest" ? EmailAddressPolicyPriority.Lowest
        : new(int.Parse(reader.GetString()!, CultureInfo.InvariantCulture));

    public override void Write(Utf8JsonWriter writer, EmailAddressPolicyPriority value, JsonSerializerOptions options)
    {
        if (value.IsLowest)
        {
            writer.WriteStringValue("Lowest");
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}

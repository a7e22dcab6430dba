using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Sizes;

/// <summary>Exchange's <c>Unlimited&lt;ByteQuantifiedSize&gt;</c>: a size or the word <c>Unlimited</c>.</summary>
[JsonConverter(typeof(QuotaSizeJsonConverter))]
public readonly record struct QuotaSize : IComparable<QuotaSize>
{
    public static readonly QuotaSize Unlimited = default;

    private readonly ByteQuantifiedSize? value;

    public QuotaSize(ByteQuantifiedSize value) => this.value = value;

    public bool IsUnlimited => value is null;

    /// <summary>The size; throws for Unlimited.</summary>
    public ByteQuantifiedSize Value => value ?? throw new InvalidOperationException("The quota is Unlimited.");

    public static QuotaSize FromBytes(ulong bytes) => new(new ByteQuantifiedSize(bytes));

    public int CompareTo(QuotaSize other) => (IsUnlimited, other.IsUnlimited) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => Value.CompareTo(other.Value),
    };

    public static bool operator <=(QuotaSize a, QuotaSize b) => a.CompareTo(b) <= 0;

    public static bool operator >=(QuotaSize a, QuotaSize b) => a.CompareTo(b) >= 0;

    public static bool operator <(QuotaSize a, QuotaSize b) => a.CompareTo(b) < 0;

    public static bool operator >(QuotaSize a, QuotaSize b) => a.CompareTo(b) > 0;

    public override string ToString() => value?.ToString() ?? "Unlimited";

    public static bool TryParse(string? text, out QuotaSize quota)
    {
        quota = Unlimited;
        if (string.Equals(text?.Trim(), "Unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!ByteQuantifiedSize.TryParse(text, out var size))
        {
            return false;
        }

        quota = new QuotaSize(size);
        return true;
    }

    public static QuotaSize Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"The value \"{text}\" is not a valid quota. Use \"Unlimited\" or a size such as 2GB or 500MB.");
}

/// <summary>Writes quotas in Exchange's display form, which <see cref="QuotaSize.Parse"/> reads back exactly.</summary>
public sealed class QuotaSizeJsonConverter : JsonConverter<QuotaSize>
{
    public override QuotaSize Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => QuotaSize.Unlimited,
            JsonTokenType.Number => QuotaSize.FromBytes(reader.GetUInt64()),
            _ => QuotaSize.Parse(reader.GetString()!),
        };

    public override void Write(Utf8JsonWriter writer, QuotaSize value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>The stored form of an envelope: compact JSON, source-generated so FETCH ENVELOPE over big folders pays no reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageEnvelope))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;

public static class IndexJson
{
    public static string Serialize(MessageEnvelope envelope) => JsonSerializer.Serialize(envelope, IndexJsonContext.Default.MessageEnvelope);

    public static MessageEnvelope Deserialize(string json) =>
        JsonSerializer.Deserialize(json, IndexJsonContext.Default.MessageEnvelope) ?? MessageEnvelope.Empty;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Mailboxes.Indexing;

/// <summary>The envelope's former stored form (mailbox schema 1–2), read only by <see cref="Storage.HeaderIndexBackfill"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageEnvelope))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;

public static class IndexJson
{
    public static string Serialize(MessageEnvelope envelope) => JsonSerializer.Serialize(envelope, IndexJsonContext.Default.MessageEnvelope);

    public static MessageEnvelope Deserialize(string json) =>
        JsonSerializer.Deserialize(json, IndexJsonContext.Default.MessageEnvelope) ?? MessageEnvelope.Empty;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Storage;

/// <summary>The one JSON shape of directory objects, used by the stores and the management API alike.</summary>
public static class DirectoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(DirectoryObject obj) => JsonSerializer.Serialize(obj, obj.GetType(), Options);

    public static DirectoryObject Deserialize(string objectClass, string json) =>
        (DirectoryObject)(JsonSerializer.Deserialize(json, ObjectClasses.TypeOf(objectClass), Options)
            ?? throw new InvalidDataException($"A stored {objectClass} is empty."));
}

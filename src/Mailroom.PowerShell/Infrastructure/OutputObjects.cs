using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using Mailroom.Identity;
using Mailroom.Management.Client;
using Mailroom.Sizes;

namespace Mailroom.PowerShell.Infrastructure;

/// <summary>
/// Builds the PowerShell objects cmdlets write: properties in the node's order with Exchange's names, typed
/// values (GUIDs, dates, sizes), an <c>Identity</c> that carries the object's GUID so it pipes exactly, and the
/// type name <c>Mailroom.&lt;Type&gt;</c> that the module's format data keys its views on.
/// </summary>
public static class OutputObjects
{
    public const string TypeNamePrefix = "Mailroom.";

    public static PSObject ToPSObject(ManagementObject source)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, TypeNamePrefix + source.TypeName);
        var guid = source.Properties.TryGetProperty("Guid", out var g) && g.ValueKind == JsonValueKind.String && Guid.TryParse(g.GetString(), out var parsed)
            ? parsed
            : (Guid?)null;
        foreach (var property in source.Properties.EnumerateObject())
        {
            if (property.Name == "ObjectClass")
            {
                continue;
            }

            var value = property.Name == "Identity" && guid is { } id && property.Value.ValueKind == JsonValueKind.String
                ? new ObjectIdentity(property.Value.GetString()!, id)
                : Convert(property.Name, property.Value);
            result.Properties.Add(new PSNoteProperty(property.Name, value));
        }

        return result;
    }

    private static object? Convert(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(e => Convert(name, e)).ToArray(),
        JsonValueKind.String => ConvertString(name, value.GetString()!),
        _ => value.GetRawText(),
    };

    private static object ConvertString(string name, string text)
    {
        // Connector sizes are Exchange's (Unlimited<)ByteQuantifiedSize(>); a QuotaSize reads both forms.
        if ((name.EndsWith("Quota", StringComparison.Ordinal) || name.EndsWith("MessageSize", StringComparison.Ordinal)) && QuotaSize.TryParse(text, out var quota))
        {
            return quota;
        }

        if (name.EndsWith("Timeout", StringComparison.Ordinal) && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        if ((name == "Guid" || name.EndsWith("Guid", StringComparison.Ordinal)) && Guid.TryParse(text, out var guid))
        {
            return guid;
        }

        if (name.StartsWith("When", StringComparison.Ordinal) &&
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
        {
            // Exchange shows WhenCreated/WhenChanged in local time and the *UTC variants in UTC.
            return name.EndsWith("UTC", StringComparison.Ordinal) ? when.ToUniversalTime() : when.ToLocalTime();
        }

        if (name is "NotBefore" or "NotAfter" && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var validity))
        {
            return validity.ToLocalTime();
        }

        // Export-ExchangeCertificate's bytes ([IO.File]::WriteAllBytes($path, $x.FileData)); PEM text stays text.
        if (name == "FileData" && !text.StartsWith("-----", StringComparison.Ordinal))
        {
            var bytes = new byte[text.Length];
            if (System.Convert.TryFromBase64String(text, bytes, out var written))
            {
                return bytes[..written];
            }
        }

        return text;
    }
}

using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using Mailroom.Identity;

namespace Mailroom.PowerShell.Infrastructure;

/// <summary>Turns bound PowerShell values into the JSON-friendly values the management API takes.</summary>
public static class ParameterValues
{
    public static object? ToWire(object? value) => value switch
    {
        null => null,
        PSObject ps => ToWire(ps.BaseObject),
        SwitchParameter sw => sw.IsPresent,
        SecureString secure => new NetworkCredential(string.Empty, secure).Password,
        ObjectIdentity identity => identity.ToWireValue(),
        string or bool or int or long or double or decimal => value,
        Guid or Uri => value.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToUniversalTime().ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        IDictionary edit => EditOf(edit),
        IEnumerable list => list.Cast<object?>().Select(v => ToWire(v)?.ToString() ?? string.Empty).ToArray(),
        _ => value.ToString(),
    };

    /// <summary><c>@{Add=...; Remove=...}</c> becomes <c>{"Add": [...], "Remove": [...]}</c>.</summary>
    private static Dictionary<string, string[]> EditOf(IDictionary edit)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in edit)
        {
            var values = ToWire(entry.Value) switch
            {
                string[] many => many,
                null => [],
                var one => [one.ToString()!],
            };
            result[entry.Key.ToString()!] = values;
        }

        return result;
    }
}

using System.Text.Json;

namespace Mailroom.Management.Client;

/// <summary>One object a command returned: its Exchange type name (e.g. <c>MailboxDatabase</c>) and properties.</summary>
public sealed record ManagementObject(string TypeName, JsonElement Properties)
{
    public string? GetString(string property) =>
        Properties.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

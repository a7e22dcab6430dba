using System.Text.Json;
using Mailroom.Sizes;

namespace Mailroom.Directory.Management;

/// <summary>
/// The bound parameters of one command as they arrive over the management API (JSON values by parameter name,
/// case-insensitive), with typed readers that turn bad values into Exchange-style argument errors.
/// </summary>
public sealed class CommandParameters
{
    private readonly Dictionary<string, JsonElement> values;

    public CommandParameters(IReadOnlyDictionary<string, JsonElement>? values)
    {
        this.values = new Dictionary<string, JsonElement>(values ?? new Dictionary<string, JsonElement>(), StringComparer.OrdinalIgnoreCase);
    }

    public static CommandParameters From(object anonymous) =>
        new(JsonSerializer.SerializeToElement(anonymous).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

    public IEnumerable<string> Names => values.Keys;

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>True when the parameter was given as <c>$null</c> (clears a value on Set-).</summary>
    public bool IsNull(string name) => values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Null;

    public string? String(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => throw Invalid(name, v, "a single value"),
        };
    }

    public string RequiredString(string command, string name) =>
        String(name) is { Length: > 0 } s ? s : throw ManagementErrors.MissingParameter(command, name);

    public bool? Bool(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => throw Invalid(name, v, "$true or $false"),
        };
    }

    public bool Switch(string name) => Bool(name) ?? false;

    public int? Int(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, out var n) ? n : throw Invalid(name, values[name], "a whole number");
    }

    public QuotaSize? Quota(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return IsNull(name) ? QuotaSize.Unlimited : null;
        }

        return QuotaSize.TryParse(text, out var q) && (q.IsUnlimited || q.Value <= ByteQuantifiedSize.MaxQuota)
            ? q
            : throw ManagementErrors.InvalidArgument(
                $"Cannot process argument transformation on parameter '{name}'. The value \"{text}\" is not a valid quota: use Unlimited or a size from 0 to 1.999999999 TB (2199023254528 bytes), such as 2GB or 500MB.",
                text);
    }

    /// <summary>A multi-valued parameter: a list that replaces the value, or <c>@{Add=…; Remove=…}</c> that edits it.</summary>
    public MultiValuedUpdate? Multi(string name)
    {
        if (!values.TryGetValue(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Null => MultiValuedUpdate.Replace([]),
            JsonValueKind.Array => MultiValuedUpdate.Replace(Strings(name, v)),
            JsonValueKind.String => MultiValuedUpdate.Replace([v.GetString()!]),
            JsonValueKind.Object => EditOf(name, v),
            _ => throw Invalid(name, v, "a list of values or @{Add=...; Remove=...}"),
        };
    }

    private MultiValuedUpdate EditOf(string name, JsonElement v)
    {
        List<string> add = [], remove = [];
        foreach (var p in v.EnumerateObject())
        {
            var list = p.Name.Equals("Add", StringComparison.OrdinalIgnoreCase) ? add
                : p.Name.Equals("Remove", StringComparison.OrdinalIgnoreCase) ? remove
                : throw ManagementErrors.InvalidArgument($"The hash table for parameter '{name}' may only have the keys Add and Remove; \"{p.Name}\" isn't valid.", name);
            list.AddRange(p.Value.ValueKind == JsonValueKind.Array ? Strings(name, p.Value) : [p.Value.GetString() ?? string.Empty]);
        }

        return MultiValuedUpdate.Edit(add, remove);
    }

    private static List<string> Strings(string name, JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Invalid(name, e, "text values")).ToList();

    private static ManagementException Invalid(string name, JsonElement value, string expected) =>
        ManagementErrors.InvalidArgument($"Cannot bind parameter '{name}'. The value {value.GetRawText()} isn't valid: expected {expected}.", name);
}

/// <summary>Either a new whole value, or values to add and remove, as Exchange's multi-valued parameters take.</summary>
public sealed record MultiValuedUpdate(IReadOnlyList<string>? Replacement, IReadOnlyList<string> Add, IReadOnlyList<string> Remove)
{
    public static MultiValuedUpdate Replace(IReadOnlyList<string> values) => new(values, [], []);

    public static MultiValuedUpdate Edit(IReadOnlyList<string> add, IReadOnlyList<string> remove) => new(null, add, remove);

    /// <summary>Applies the update to <paramref name="current"/>, comparing with <paramref name="comparer"/>.</summary>
    public List<string> ApplyTo(IEnumerable<string> current, IEqualityComparer<string>? comparer = null)
    {
        comparer ??= StringComparer.OrdinalIgnoreCase;
        if (Replacement is not null)
        {
            return Replacement.Distinct(comparer).ToList();
        }

        var result = current.Where(v => !Remove.Contains(v, comparer)).ToList();
        result.AddRange(Add.Where(a => !result.Contains(a, comparer)));
        return result;
    }
}

using System.Globalization;
using Mailroom.Directory.Management;
using Mailroom.Sizes;

namespace Mailroom.Directory.Commands;

/// <summary>Typed readers for the connector cmdlets' parameters, turning bad values into Exchange-style argument errors.</summary>
public static class ConnectorParameters
{
    /// <summary>A value parser in the shape of the connector value types' <c>TryParse</c>.</summary>
    public delegate bool TryParser<T>(string? text, out T? value, out string? error);

    /// <summary>
    /// A flags parameter (<c>-PermissionGroups AnonymousUsers,ExchangeUsers</c> or <c>'AnonymousUsers, ExchangeUsers'</c>),
    /// by name only (a number would hide a typo), with <c>None</c> allowed only alone as Exchange requires.
    /// </summary>
    public static TEnum? Flags<TEnum>(CommandParameters parameters, string name)
        where TEnum : struct, Enum
    {
        if (parameters.Multi(name) is not { } update)
        {
            return null;
        }

        var names = (update.Replacement ?? throw ManagementErrors.InvalidArgument($"The parameter '{name}' takes a list of values, not @{{Add=...; Remove=...}}.", name))
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var result = 0;
        foreach (var value in names)
        {
            result |= Convert.ToInt32(Named<TEnum>(name, value), CultureInfo.InvariantCulture);
        }

        if (names.Count > 1 && names.Any(n => n.Equals("None", StringComparison.OrdinalIgnoreCase)))
        {
            throw ManagementErrors.InvalidArgument($"The value None of the parameter '{name}' can't be combined with other values.", name);
        }

        return (TEnum)Enum.ToObject(typeof(TEnum), result);
    }

    /// <summary>A single enum value by its name.</summary>
    public static TEnum? Single<TEnum>(CommandParameters parameters, string name)
        where TEnum : struct, Enum =>
        parameters.String(name) is { } text ? Named<TEnum>(name, text.Trim()) : null;

    /// <summary>
    /// A multi-valued parameter of parsed values: a list replaces the current values, <c>@{Add=...; Remove=...}</c>
    /// edits them. Values compare by what they mean (<c>10.0.0.0/8</c> is <c>10.0.0.0-10.255.255.255</c>).
    /// </summary>
    public static List<T>? List<T>(CommandParameters parameters, string name, IEnumerable<T> current, TryParser<T> parse, Func<T, T, bool> same)
        where T : class
    {
        if (parameters.Multi(name) is not { } update)
        {
            return null;
        }

        T Parse(string text) => parse(text, out var value, out var error) ? value! : throw ManagementErrors.InvalidArgument(error!, text);
        var result = new List<T>();
        void AddNew(T value)
        {
            if (!result.Any(r => same(r, value)))
            {
                result.Add(value);
            }
        }

        if (update.Replacement is { } replacement)
        {
            replacement.Select(Parse).ToList().ForEach(AddNew);
            return result;
        }

        var remove = update.Remove.Select(Parse).ToList();
        current.Where(c => !remove.Any(r => same(r, c))).ToList().ForEach(AddNew);
        update.Add.Select(Parse).ToList().ForEach(AddNew);
        return result;
    }

    public static ByteQuantifiedSize? Size(CommandParameters parameters, string name, ulong min, ulong max)
    {
        if (parameters.String(name) is not { } text)
        {
            return null;
        }

        return ByteQuantifiedSize.TryParse(text, out var size) && size.Bytes >= min && size.Bytes <= max
            ? size
            : throw OutOfRange(name, text, $"{new ByteQuantifiedSize(min)} to {new ByteQuantifiedSize(max)}");
    }

    /// <summary>A size or <c>Unlimited</c> (also <c>$null</c>).</summary>
    public static QuotaSize? UnlimitedSize(CommandParameters parameters, string name, ulong max)
    {
        if (parameters.IsNull(name))
        {
            return QuotaSize.Unlimited;
        }

        if (parameters.String(name) is not { } text)
        {
            return null;
        }

        return QuotaSize.TryParse(text, out var size) && (size.IsUnlimited || size.Value.Bytes <= max)
            ? size
            : throw OutOfRange(name, text, $"Unlimited or a size up to {new ByteQuantifiedSize(max)}");
    }

    public static int? Int(CommandParameters parameters, string name, int min, int max)
    {
        var value = parameters.Int(name);
        return value is { } n && (n < min || n > max) ? throw OutOfRange(name, n.ToString(CultureInfo.InvariantCulture), $"{min} to {max}") : value;
    }

    /// <summary>Exchange's <c>Unlimited&lt;int&gt;</c>: a number in range, or <c>Unlimited</c> (null).</summary>
    public static (bool Given, int? Value) UnlimitedInt(CommandParameters parameters, string name, int min, int max)
    {
        if (!parameters.Has(name))
        {
            return (false, null);
        }

        var text = parameters.String(name);
        if (text is null || text.Trim().Equals("Unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return (true, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (true, n)
            : throw OutOfRange(name, text, $"Unlimited or {min} to {max}");
    }

    /// <summary>A time span as PowerShell writes one (<c>00:10:00</c>, <c>1.00:00:00</c>).</summary>
    public static TimeSpan? Duration(CommandParameters parameters, string name, TimeSpan min, TimeSpan max)
    {
        if (parameters.String(name) is not { } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= min && span <= max
            ? span
            : throw OutOfRange(name, text, $"{min:c} to {max:c}");
    }

    private static TEnum Named<TEnum>(string parameter, string value)
        where TEnum : struct, Enum
    {
        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? Enum.Parse<TEnum>(match)
            : throw ManagementErrors.InvalidArgument(
                $"Cannot process argument transformation on parameter '{parameter}'. \"{value}\" isn't valid; use {string.Join(", ", Enum.GetNames<TEnum>())}.", value);
    }

    private static ManagementException OutOfRange(string name, string value, string range) =>
        ManagementErrors.InvalidArgument($"Cannot validate argument on parameter '{name}'. The value \"{value}\" isn't valid: use {range}.", value);
}

namespace Mailroom.OPath.Tests.Support;

/// <summary>
/// A record backed by a case-sensitive dictionary (so a non-canonical property name reads as
/// missing) that logs which properties were read.
/// </summary>
internal sealed class TestRecord(IReadOnlyDictionary<string, object?> values) : IOPathRecord
{
    public List<string> Reads { get; } = [];

    public IReadOnlyDictionary<string, object?> Values => values;

    public static TestRecord With(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    /// <summary>A record where every schema property holds <paramref name="value"/>.</summary>
    public static TestRecord AllProperties(object? value) =>
        new(TestSchema.Instance.PropertyNames.ToDictionary(n => n, _ => value, StringComparer.Ordinal));

    public object? GetValue(string canonicalPropertyName)
    {
        Reads.Add(canonicalPropertyName);
        return values.TryGetValue(canonicalPropertyName, out var value) ? value : null;
    }

    public override string ToString() =>
        string.Join(", ", values.Select(v => $"{v.Key}={Show(v.Value)}"));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable<string> many => "[" + string.Join(", ", many.Select(s => s is null ? "null" : $"\"{s}\"")) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };
}

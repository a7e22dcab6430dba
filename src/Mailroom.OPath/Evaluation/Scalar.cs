using System.Globalization;

namespace Mailroom.OPath.Evaluation;

internal enum ScalarKind
{
    String,
    Integer,
    Boolean,
}

/// <summary>One non-empty value, from a record or from a filter literal.</summary>
internal readonly struct Scalar
{
    private readonly string? _text;

    private Scalar(ScalarKind kind, string? text, long integer, bool boolean)
    {
        Kind = kind;
        _text = text;
        Integer = integer;
        Boolean = boolean;
    }

    public ScalarKind Kind { get; }

    public long Integer { get; }

    public bool Boolean { get; }

    /// <summary>The value as text: how wildcards and mixed-type comparisons see it.</summary>
    public string Text => Kind switch
    {
        ScalarKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Boolean => Boolean ? "True" : "False",
        _ => _text!,
    };

    public static Scalar FromString(string text) => new(ScalarKind.String, text, 0, false);

    public static Scalar FromInteger(long value) => new(ScalarKind.Integer, null, value, false);

    public static Scalar FromBoolean(bool value) => new(ScalarKind.Boolean, null, 0, value);

    public static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseBoolean(string text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}

namespace Mailroom.OPath.Evaluation;

/// <summary>
/// A non-null filter literal with its numeric and boolean readings worked out once, at compile time.
/// </summary>
internal sealed class Operand
{
    private Operand(Scalar value)
    {
        Value = value;
        Text = value.Text;
        AsInteger = value.Kind switch
        {
            ScalarKind.Integer => value.Integer,
            ScalarKind.String when Scalar.TryParseInteger(Text, out var n) => n,
            _ => null,
        };
        AsBoolean = value.Kind switch
        {
            ScalarKind.Boolean => value.Boolean,
            ScalarKind.String when Scalar.TryParseBoolean(Text, out var b) => b,
            _ => null,
        };
    }

    public Scalar Value { get; }

    public string Text { get; }

    public long? AsInteger { get; }

    public bool? AsBoolean { get; }

    public static Operand From(OPathValue value) => value switch
    {
        OPathStringValue s => new Operand(Scalar.FromString(s.Value)),
        OPathIntegerValue i => new Operand(Scalar.FromInteger(i.Value)),
        OPathBooleanValue b => new Operand(Scalar.FromBoolean(b.Value)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Only non-null literals are operands."),
    };

    /// <summary>
    /// Orders a record value against this operand. A native number or boolean on either side is
    /// compared as such when the other side reads as one too; everything else compares as text,
    /// ordinal ignoring case.
    /// </summary>
    public int CompareFrom(in Scalar record)
    {
        switch (record.Kind)
        {
            case ScalarKind.Integer when AsInteger is { } n:
                return record.Integer.CompareTo(n);
            case ScalarKind.Boolean when AsBoolean is { } b:
                return record.Boolean.CompareTo(b);
            case ScalarKind.String when Value.Kind == ScalarKind.Integer && Scalar.TryParseInteger(record.Text, out var n):
                return n.CompareTo(Value.Integer);
            case ScalarKind.String when Value.Kind == ScalarKind.Boolean && Scalar.TryParseBoolean(record.Text, out var b):
                return b.CompareTo(Value.Boolean);
            default:
                return string.Compare(record.Text, Text, StringComparison.OrdinalIgnoreCase);
        }
    }
}

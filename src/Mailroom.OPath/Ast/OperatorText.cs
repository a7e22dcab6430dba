namespace Mailroom.OPath;

/// <summary>The source spelling of each comparison operator, shared by the lexer and the writer.</summary>
internal static class OperatorText
{
    private static readonly Dictionary<string, OPathComparisonOperator> ByText = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-eq"] = OPathComparisonOperator.Eq,
        ["-ne"] = OPathComparisonOperator.Ne,
        ["-like"] = OPathComparisonOperator.Like,
        ["-notlike"] = OPathComparisonOperator.NotLike,
        ["-lt"] = OPathComparisonOperator.Lt,
        ["-le"] = OPathComparisonOperator.Le,
        ["-gt"] = OPathComparisonOperator.Gt,
        ["-ge"] = OPathComparisonOperator.Ge,
    };

    public static string ToText(this OPathComparisonOperator op) => op switch
    {
        OPathComparisonOperator.Eq => "-eq",
        OPathComparisonOperator.Ne => "-ne",
        OPathComparisonOperator.Like => "-like",
        OPathComparisonOperator.NotLike => "-notlike",
        OPathComparisonOperator.Lt => "-lt",
        OPathComparisonOperator.Le => "-le",
        OPathComparisonOperator.Gt => "-gt",
        OPathComparisonOperator.Ge => "-ge",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool TryParse(string text, out OPathComparisonOperator op) => ByText.TryGetValue(text, out op);
}

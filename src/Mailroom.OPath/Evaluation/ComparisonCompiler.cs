namespace Mailroom.OPath.Evaluation;

/// <summary>Turns one comparison into a test of a raw property value, doing all literal work up front.</summary>
internal static class ComparisonCompiler
{
    public static Func<object?, bool> Compile(OPathComparisonOperator op, OPathValue value)
    {
        // '' means the same as $null: Active Directory has no empty strings to compare against.
        if (value is OPathNullValue or OPathStringValue { Value.Length: 0 })
        {
            return op switch
            {
                OPathComparisonOperator.Eq or OPathComparisonOperator.Like => RecordValues.IsEmpty,
                OPathComparisonOperator.Ne or OPathComparisonOperator.NotLike => static v => !RecordValues.IsEmpty(v),
                _ => static _ => false, // nothing orders against "no value"
            };
        }

        var test = CompileScalarTest(op, Operand.From(value));

        // -ne and -notlike hold when no value matches, which includes when there is no value at all.
        return op is OPathComparisonOperator.Ne or OPathComparisonOperator.NotLike
            ? v => !RecordValues.Any(v, test)
            : v => RecordValues.Any(v, test);
    }

    /// <summary>The positive form of the test for one scalar (-ne and -notlike are negated by the caller).</summary>
    private static Func<Scalar, bool> CompileScalarTest(OPathComparisonOperator op, Operand operand)
    {
        switch (op)
        {
            case OPathComparisonOperator.Like or OPathComparisonOperator.NotLike when WildcardPattern.HasWildcard(operand.Text):
                var pattern = new WildcardPattern(operand.Text);
                return s => pattern.IsMatch(s.Text);
            case OPathComparisonOperator.Eq or OPathComparisonOperator.Ne
                or OPathComparisonOperator.Like or OPathComparisonOperator.NotLike:
                return s => operand.CompareFrom(s) == 0;
            case OPathComparisonOperator.Lt:
                return s => operand.CompareFrom(s) < 0;
            case OPathComparisonOperator.Le:
                return s => operand.CompareFrom(s) <= 0;
            case OPathComparisonOperator.Gt:
                return s => operand.CompareFrom(s) > 0;
            case OPathComparisonOperator.Ge:
                return s => operand.CompareFrom(s) >= 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }
}

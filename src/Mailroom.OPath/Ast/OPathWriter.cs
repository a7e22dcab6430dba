using System.Globalization;
using System.Text;

namespace Mailroom.OPath;

/// <summary>
/// Prints nodes as canonical OPath: lower-case operators, single-quoted strings and only the
/// parentheses needed to reproduce the same tree (plus always around a -not operand, for readability).
/// </summary>
internal static class OPathWriter
{
    public static string Write(OPathNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    public static string WriteValue(OPathValue value) => value switch
    {
        OPathStringValue s => Quote(s.Value),
        OPathIntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        OPathBooleanValue b => b.Value ? "$true" : "$false",
        OPathNullValue => "$null",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, null),
    };

    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Append(StringBuilder builder, OPathNode node)
    {
        switch (node)
        {
            // Without parentheses the parser would flatten a nested -or into its parent.
            case OPathOrNode or:
                AppendOperands(builder, or.Operands, " -or ", child => child is OPathOrNode);
                break;
            case OPathAndNode and:
                AppendOperands(builder, and.Operands, " -and ", child => child is OPathOrNode or OPathAndNode);
                break;
            case OPathNotNode not:
                builder.Append("-not ");
                AppendGroup(builder, not.Operand, parenthesize: true);
                break;
            case OPathComparisonNode comparison:
                builder.Append(comparison.Property)
                    .Append(' ')
                    .Append(comparison.Operator.ToText())
                    .Append(' ')
                    .Append(WriteValue(comparison.Value));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, null);
        }
    }

    private static void AppendOperands(
        StringBuilder builder, IReadOnlyList<OPathNode> operands, string separator, Func<OPathNode, bool> needsParentheses)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            AppendGroup(builder, operands[i], needsParentheses(operands[i]));
        }
    }

    private static void AppendGroup(StringBuilder builder, OPathNode node, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Append(builder, node);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }
}

using System.Collections.Frozen;

namespace Mailroom.OPath.Evaluation;

/// <summary>
/// Compiles a tree into nested closures once, so evaluating a filter against many records does
/// no tree walking, operator dispatch or literal parsing.
/// </summary>
internal static class OPathCompiler
{
    public static Func<IOPathRecord, bool> Compile(OPathNode node)
    {
        switch (node)
        {
            case OPathAndNode and:
                var all = and.Operands.Select(Compile).ToArray();
                return record =>
                {
                    foreach (var operand in all)
                    {
                        if (!operand(record))
                        {
                            return false;
                        }
                    }

                    return true;
                };
            case OPathOrNode or:
                var any = or.Operands.Select(Compile).ToArray();
                return record =>
                {
                    foreach (var operand in any)
                    {
                        if (operand(record))
                        {
                            return true;
                        }
                    }

                    return false;
                };
            case OPathNotNode not:
                var inner = Compile(not.Operand);
                return record => !inner(record);
            case OPathComparisonNode comparison:
                var property = comparison.Property;
                var test = ComparisonCompiler.Compile(comparison.Operator, comparison.Value);
                return record => test(record.GetValue(property));
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, null);
        }
    }

    public static IReadOnlySet<string> ReferencedProperties(OPathNode root)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(root, names);
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static void Collect(OPathNode node, HashSet<string> names)
    {
        var children = node switch
        {
            OPathAndNode and => and.Operands,
            OPathOrNode or => or.Operands,
            OPathNotNode not => [not.Operand],
            _ => [],
        };
        foreach (var child in children)
        {
            Collect(child, names);
        }

        if (node is OPathComparisonNode comparison)
        {
            names.Add(comparison.Property);
        }
    }
}

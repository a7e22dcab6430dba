using System.Globalization;
using Mailroom.OPath.Tests.Support;
using Op = Mailroom.OPath.OPathComparisonOperator;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>
/// A deliberately naive restatement of the documented semantics (tree walk, recursive wildcard
/// matcher), used as an oracle for the compiled predicate. Not for production.
/// </summary>
internal static class ReferenceEvaluator
{
    public static bool Evaluate(OPathNode node, TestRecord record) => node switch
    {
        OPathAndNode and => and.Operands.All(o => Evaluate(o, record)),
        OPathOrNode or => or.Operands.Any(o => Evaluate(o, record)),
        OPathNotNode not => !Evaluate(not.Operand, record),
        OPathComparisonNode c => Compare(c, record.Values.GetValueOrDefault(c.Property)),
        _ => throw new InvalidOperationException(),
    };

    private static bool Compare(OPathComparisonNode c, object? raw)
    {
        var present = Present(raw);
        if (c.Value is OPathNullValue || c.Value is OPathStringValue { Value: "" })
        {
            return c.Operator switch
            {
                Op.Eq or Op.Like => present.Count == 0,
                Op.Ne or Op.NotLike => present.Count > 0,
                _ => false,
            };
        }

        var negated = c.Operator is Op.Ne or Op.NotLike;
        var positive = c.Operator switch { Op.Ne => Op.Eq, Op.NotLike => Op.Like, var op => op };
        var any = present.Any(v => Holds(positive, v, c.Value));
        return negated ? !any : any;
    }

    private static List<object> Present(object? raw) => raw switch
    {
        null => [],
        string s => s.Length == 0 ? [] : [s],
        bool b => [b],
        int i => [(long)i],
        long l => [l],
        IEnumerable<string> many => [.. many.Where(s => !string.IsNullOrEmpty(s))],
        _ => throw new InvalidOperationException(raw.GetType().Name),
    };

    private static bool Holds(Op op, object value, OPathValue literal)
    {
        var pattern = TextOf(literal);
        if (op == Op.Like && pattern.Contains('*'))
        {
            return WildMatch(TextOf(value), pattern);
        }

        var order = Order(value, literal);
        return op switch
        {
            Op.Eq or Op.Like => order == 0,
            Op.Lt => order < 0,
            Op.Le => order <= 0,
            Op.Gt => order > 0,
            Op.Ge => order >= 0,
            _ => throw new InvalidOperationException(),
        };
    }

    private static int Order(object value, OPathValue literal)
    {
        if (value is long l && AsNumber(literal) is { } n)
        {
            return Math.Sign(l.CompareTo(n));
        }

        if (value is string s && literal is OPathIntegerValue i && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return Math.Sign(parsed.CompareTo(i.Value));
        }

        if (value is bool b && AsBool(literal) is { } lb)
        {
            return Math.Sign(b.CompareTo(lb));
        }

        if (value is string t && literal is OPathBooleanValue bv && AsBool(new OPathStringValue(t)) is { } tb)
        {
            return Math.Sign(tb.CompareTo(bv.Value));
        }

        return Math.Sign(string.Compare(TextOf(value), TextOf(literal), StringComparison.OrdinalIgnoreCase));
    }

    private static long? AsNumber(OPathValue literal) => literal switch
    {
        OPathIntegerValue i => i.Value,
        OPathStringValue s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool? AsBool(OPathValue literal) => literal switch
    {
        OPathBooleanValue b => b.Value,
        OPathStringValue s when s.Value.ToLowerInvariant() is "true" => true,
        OPathStringValue s when s.Value.ToLowerInvariant() is "false" => false,
        _ => null,
    };

    private static string TextOf(object value) => value switch
    {
        OPathStringValue s => s.Value,
        OPathIntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        OPathBooleanValue b => b.Value.ToString(),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public static bool WildMatch(string text, string pattern)
    {
        if (pattern.Length == 0)
        {
            return text.Length == 0;
        }

        if (pattern[0] == '*')
        {
            return WildMatch(text, pattern[1..]) || (text.Length > 0 && WildMatch(text[1..], pattern));
        }

        return text.Length > 0
            && char.ToUpperInvariant(text[0]) == char.ToUpperInvariant(pattern[0])
            && WildMatch(text[1..], pattern[1..]);
    }
}

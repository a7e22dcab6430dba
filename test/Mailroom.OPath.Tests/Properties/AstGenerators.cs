using FsCheck;
using FsCheck.Fluent;
using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>Random syntax trees over <see cref="TestSchema"/>.</summary>
internal static class AstGenerators
{
    private static readonly string[] Properties = [.. TestSchema.Instance.PropertyNames];

    // Characters the lexer treats specially, to stress quoting in ToString.
    private const string Awkward = "'\"`*$-(){} \t\n\r\0aZé0911";

    /// <summary>Any text at all, biased towards characters that matter to the lexer.</summary>
    public static Gen<string> WildText { get; } = Gen.OneOf(
        Gen.ArrayOf(Gen.Elements(Awkward.ToCharArray())),
        Gen.ArrayOf(Gen.Choose(0, char.MaxValue).Select(c => (char)c)))
        .Select(chars => new string(chars));

    /// <summary>A few short strings that hit equality, wildcards, numbers and booleans often.</summary>
    public static Gen<string> TameText { get; } = Gen.OneOf(
        Gen.Elements("", "a", "A", "ab", "b", "a*", "*b", "*", "a*b", "**", "10", "9", "-3", "007", "true", "FALSE", "x y"),
        Gen.ArrayOf(Gen.Elements("aAb*1".ToCharArray()), 3).Select(chars => new string(chars)));

    public static Gen<long> Integers { get; } = Gen.OneOf(
        Gen.Choose(-20, 20).Select(i => (long)i),
        Gen.Elements(long.MinValue, long.MaxValue, 0L),
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(p => ((long)p.Item1 << 32) ^ (uint)p.Item2));

    public static Gen<OPathValue> Values(Gen<string> text) => Gen.Frequency(
        (4, text.Select(s => (OPathValue)new OPathStringValue(s))),
        (2, Integers.Select(i => (OPathValue)new OPathIntegerValue(i))),
        (1, Gen.Elements(true, false).Select(b => (OPathValue)new OPathBooleanValue(b))),
        (1, Gen.Constant<OPathValue>(OPathNullValue.Instance)));

    public static Gen<OPathNode> Nodes(Gen<string> text) =>
        Gen.Sized(size => Node(Math.Min(size, 40), Values(text)));

    private static Gen<OPathNode> Comparison(Gen<OPathValue> values) =>
        from property in Gen.Elements(Properties)
        from op in Gen.Elements(Enum.GetValues<OPathComparisonOperator>())
        from value in values
        select (OPathNode)new OPathComparisonNode(property, op, value);

    private static Gen<OPathNode> Node(int size, Gen<OPathValue> values)
    {
        if (size <= 1)
        {
            return Comparison(values);
        }

        return Gen.Frequency(
            (3, Comparison(values)),
            (1, Gen.Constant(0).SelectMany(_ => Node(size / 2, values)).Select(n => (OPathNode)new OPathNotNode(n))),
            (2, Operands(size, values).Select(ns => (OPathNode)new OPathAndNode(ns))),
            (2, Operands(size, values).Select(ns => (OPathNode)new OPathOrNode(ns))));
    }

    private static Gen<OPathNode[]> Operands(int size, Gen<OPathValue> values) =>
        Gen.Choose(2, 4).SelectMany(count => Gen.ArrayOf(Node(size / count, values), count));
}

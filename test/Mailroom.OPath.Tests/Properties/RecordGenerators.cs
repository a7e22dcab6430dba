using FsCheck;
using FsCheck.Fluent;
using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>Random records whose every schema property holds a value of a random shape.</summary>
internal static class RecordGenerators
{
    private static Gen<object?> PropertyValue { get; } = Gen.Frequency(
        (2, Gen.Constant<object?>(null)),
        (4, AstGenerators.TameText.Select(s => (object?)s)),
        (1, Gen.Elements(true, false).Select(b => (object?)b)),
        (1, Gen.Choose(-20, 20).Select(i => (object?)i)),
        (1, AstGenerators.Integers.Select(l => (object?)l)),
        (2, Gen.ArrayOf(AstGenerators.TameText).Select(a => (object?)a)),
        (1, Gen.ArrayOf(AstGenerators.TameText).Select(a => (object?)a.ToList())));

    public static Gen<TestRecord> Records { get; } =
        Gen.ArrayOf(PropertyValue, TestSchema.Instance.PropertyNames.Count)
            .Select(values => new TestRecord(
                TestSchema.Instance.PropertyNames.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Sizes;

namespace Mailroom.Directory.Tests.Properties;

public class ByteQuantifiedSizeProperties
{
    private const ulong Limit = 1UL << 50;

    /// <summary>Sizes up to 2^50, with small values, powers of two and their neighbours well represented.</summary>
    private static readonly Gen<ulong> Sizes = Gen.Frequency(
        (4, from high in Gen.Choose(0, (1 << 25) - 1)
            from low in Gen.Choose(0, (1 << 25) - 1)
            select ((ulong)high << 25) | (uint)low),
        (2, Gen.Choose(0, 1 << 20).Select(n => (ulong)n)),
        (2, from shift in Gen.Choose(0, 49)
            from delta in Gen.Choose(-3, 3)
            select (ulong)Math.Max(0L, (1L << shift) + delta)),
        (1, Gen.Elements(0UL, Limit, Limit - 1, 2_039_480_320UL, 2_469_396_480UL)));

    [Property(MaxTest = 5000)]
    public Property DisplayFormParsesBackToTheSameSize() =>
        Prop.ForAll(Sizes.ToArbitrary(), bytes =>
        {
            var size = new ByteQuantifiedSize(bytes);
            return ByteQuantifiedSize.Parse(size.ToString()) == size;
        });

    [Property(MaxTest = 2000)]
    public Property QuotaDisplayFormParsesBackToTheSameQuota() =>
        Prop.ForAll(Sizes.ToArbitrary(), bytes =>
        {
            var quota = QuotaSize.FromBytes(bytes);
            return QuotaSize.Parse(quota.ToString()) == quota;
        });

    [Property(MaxTest = 2000)]
    public Property WholeNumbersWithAUnitMultiplyByThePowerOf1024()
    {
        var cases = from n in Gen.Choose(0, 1 << 20)
                    from unit in Gen.Elements(("", 0), ("B", 0), ("KB", 10), ("MB", 20), ("GB", 30), (" tb", 40))
                    select (n, unit);
        return Prop.ForAll(cases.ToArbitrary(), c =>
            ByteQuantifiedSize.Parse($"{c.n}{c.unit.Item1}").Bytes == (ulong)c.n << c.unit.Item2);
    }
}

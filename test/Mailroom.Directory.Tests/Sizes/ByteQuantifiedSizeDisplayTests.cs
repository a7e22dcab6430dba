using Mailroom.Sizes;

namespace Mailroom.Directory.Tests.Sizes;

/// <summary>Exchange shows a size as the largest unit it reaches, three decimals at most, then the exact byte count.</summary>
public class ByteQuantifiedSizeDisplayTests
{
    [Theory]
    [InlineData(2_147_483_648UL, "2 GB (2,147,483,648 bytes)")]
    [InlineData(2_039_480_320UL, "1.899 GB (2,039,480,320 bytes)")]
    [InlineData(2_469_396_480UL, "2.3 GB (2,469,396,480 bytes)")]
    [InlineData(53_150_220_288UL, "49.5 GB (53,150,220,288 bytes)")]
    [InlineData(32_212_254_720UL, "30 GB (32,212,254,720 bytes)")]
    [InlineData(524_288_000UL, "500 MB (524,288,000 bytes)")]
    [InlineData(1_536UL, "1.5 KB (1,536 bytes)")]
    [InlineData(1_024UL, "1 KB (1,024 bytes)")]
    [InlineData(1_023UL, "1023 B (1,023 bytes)")]
    [InlineData(1UL, "1 B (1 bytes)")]
    [InlineData(0UL, "0 B (0 bytes)")]
    [InlineData(1_099_511_627_776UL, "1 TB (1,099,511,627,776 bytes)")]
    [InlineData(2_199_023_254_528UL, "2 TB (2,199,023,254,528 bytes)")]
    public void ShowsTheLargestUnitAndTheExactBytes(ulong bytes, string expected) =>
        Assert.Equal(expected, new ByteQuantifiedSize(bytes).ToString());

    [Fact]
    public void DatabaseDefaultsShowAsExchangeShowsThem()
    {
        Assert.Equal("1.899 GB (2,039,480,320 bytes)", ByteQuantifiedSize.FromMegabytes(1945).ToString());
        Assert.Equal("2 GB (2,147,483,648 bytes)", ByteQuantifiedSize.FromGigabytes(2).ToString());
        Assert.Equal("2.3 GB (2,469,396,480 bytes)", ByteQuantifiedSize.FromMegabytes(2355).ToString());
    }

    [Theory]
    [InlineData(1UL, 2UL, -1)]
    [InlineData(2UL, 2UL, 0)]
    [InlineData(3UL, 2UL, 1)]
    public void ComparesByBytes(ulong left, ulong right, int sign)
    {
        var (a, b) = (new ByteQuantifiedSize(left), new ByteQuantifiedSize(right));
        Assert.Equal(sign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(sign < 0, a < b);
        Assert.Equal(sign > 0, a > b);
        Assert.Equal(sign <= 0, a <= b);
        Assert.Equal(sign >= 0, a >= b);
    }
}

using Mailroom.Sizes;

namespace Mailroom.Directory.Tests.Sizes;

public class ByteQuantifiedSizeParseTests
{
    [Theory]
    [InlineData("2GB", 2_147_483_648UL)]
    [InlineData("2 GB", 2_147_483_648UL)]
    [InlineData("2 gb", 2_147_483_648UL)]
    [InlineData("  2Gb  ", 2_147_483_648UL)]
    [InlineData("500MB", 524_288_000UL)]
    [InlineData("1945MB", 2_039_480_320UL)]
    [InlineData("1KB", 1_024UL)]
    [InlineData("1.5KB", 1_536UL)]
    [InlineData("1TB", 1_099_511_627_776UL)]
    [InlineData("10B", 10UL)]
    [InlineData("1048576", 1_048_576UL)]
    [InlineData("0", 0UL)]
    [InlineData("2.3GB", 2_469_606_195UL)] // 2.3 × 2^30 = 2469606195.2, rounded to whole bytes
    [InlineData("2 GB (2,147,483,648 bytes)", 2_147_483_648UL)]
    [InlineData("1.899 GB (2,039,480,320 bytes)", 2_039_480_320UL)]
    [InlineData("2.3 GB (2,469,396,480 bytes)", 2_469_396_480UL)]
    [InlineData("0 B (0 bytes)", 0UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Parses(string text, ulong bytes)
    {
        Assert.True(ByteQuantifiedSize.TryParse(text, out var size));
        Assert.Equal(bytes, size.Bytes);
        Assert.Equal(bytes, ByteQuantifiedSize.Parse(text).Bytes);
    }

    /// <summary>The display form is read by its exact byte count, not by the rounded figure in front of it.</summary>
    [Fact]
    public void DisplayFormKeepsTheExactBytes() =>
        Assert.Equal(2_469_396_480UL, ByteQuantifiedSize.Parse(ByteQuantifiedSize.FromMegabytes(2355).ToString()).Bytes);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("GB")]
    [InlineData("-1GB")]
    [InlineData("1.5")] // a fraction of a byte
    [InlineData("1.5B")]
    [InlineData("1,5GB")]
    [InlineData(".5GB")]
    [InlineData("5.GB")]
    [InlineData("1 PB")]
    [InlineData("1 G")]
    [InlineData("2 GB (two bytes)")]
    [InlineData("Unlimited")]
    [InlineData("18446744073709551616")] // 2^64
    [InlineData("16777216TB")] // 2^64 bytes
    public void RefusesBadInput(string? text)
    {
        Assert.False(ByteQuantifiedSize.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => ByteQuantifiedSize.Parse(text));
        }
    }

    /// <summary>
    /// A number that fits in decimal but whose product with the unit does not makes TryParse throw
    /// OverflowException instead of returning false; through the management API this escapes as an
    /// unhandled error rather than an argument error (see SetMailboxQuotaTests).
    /// </summary>
    [Theory]
    [InlineData("100000000000000000000000000 TB")]
    [InlineData("79228162514264337593543950335 KB")]
    public void HugeNumbersWithAUnitAreRefusedNotThrown(string text)
    {
        Assert.False(ByteQuantifiedSize.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ByteQuantifiedSize.Parse(text));
    }
}

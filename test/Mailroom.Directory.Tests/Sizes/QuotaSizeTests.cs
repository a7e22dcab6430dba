using System.Text.Json;
using Mailroom.Sizes;

namespace Mailroom.Directory.Tests.Sizes;

public class QuotaSizeTests
{
    [Theory]
    [InlineData("Unlimited")]
    [InlineData("unlimited")]
    [InlineData("  UNLIMITED ")]
    public void ParsesUnlimited(string text)
    {
        Assert.True(QuotaSize.TryParse(text, out var quota));
        Assert.True(quota.IsUnlimited);
        Assert.Equal("Unlimited", quota.ToString());
        Assert.Equal(QuotaSize.Unlimited, QuotaSize.Parse(text));
    }

    [Theory]
    [InlineData("2GB", "2 GB (2,147,483,648 bytes)")]
    [InlineData("1945MB", "1.899 GB (2,039,480,320 bytes)")]
    [InlineData("2355 MB", "2.3 GB (2,469,396,480 bytes)")]
    [InlineData("2.3 GB (2,469,396,480 bytes)", "2.3 GB (2,469,396,480 bytes)")]
    [InlineData("0", "0 B (0 bytes)")]
    public void ParsesSizesAndShowsThemAsExchangeDoes(string text, string display)
    {
        var quota = QuotaSize.Parse(text);
        Assert.False(quota.IsUnlimited);
        Assert.Equal(display, quota.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Unlimit")]
    [InlineData("infinite")]
    [InlineData("-5MB")]
    [InlineData("2 XB")]
    public void RefusesBadInput(string? text)
    {
        Assert.False(QuotaSize.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => QuotaSize.Parse(text));
        }
    }

    [Fact]
    public void UnlimitedIsTheDefaultAndHasNoValue()
    {
        Assert.True(default(QuotaSize).IsUnlimited);
        Assert.Throws<InvalidOperationException>(() => QuotaSize.Unlimited.Value);
    }

    [Theory]
    [InlineData("1GB", "2GB", -1)]
    [InlineData("2GB", "2GB", 0)]
    [InlineData("Unlimited", "2TB", 1)]
    [InlineData("2TB", "Unlimited", -1)]
    [InlineData("Unlimited", "Unlimited", 0)]
    public void UnlimitedIsLargerThanEverySize(string left, string right, int sign)
    {
        var (a, b) = (QuotaSize.Parse(left), QuotaSize.Parse(right));
        Assert.Equal(sign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(sign > 0, a > b);
        Assert.Equal(sign <= 0, a <= b);
    }

    [Theory]
    [InlineData("Unlimited", "\"Unlimited\"")]
    [InlineData("2GB", "\"2 GB (2,147,483,648 bytes)\"")]
    public void JsonCarriesTheDisplayFormAndReadsItBack(string text, string json)
    {
        var quota = QuotaSize.Parse(text);
        Assert.Equal(json, JsonSerializer.Serialize(quota));
        Assert.Equal(quota, JsonSerializer.Deserialize<QuotaSize>(json));
    }

    [Fact]
    public void JsonReadsNumbersAsBytesAndNullAsUnlimited()
    {
        Assert.Equal(QuotaSize.FromBytes(1_048_576), JsonSerializer.Deserialize<QuotaSize>("1048576"));
        Assert.True(JsonSerializer.Deserialize<QuotaSize>("null").IsUnlimited);
    }
}

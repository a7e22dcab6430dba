using System.Net;
using Mailroom.Directory.Connectors;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>RemoteIPRanges entries in Exchange's three forms, IPv4 and IPv6 (exchange.md §8.1).</summary>
public class IPRangeTests
{
    [Theory]
    [InlineData("192.168.1.10", "192.168.1.10", "192.168.1.10", "192.168.1.10", IPRangeFormat.SingleAddress)]
    [InlineData(" 10.0.0.1-10.0.0.9 ", "10.0.0.1-10.0.0.9", "10.0.0.1", "10.0.0.9", IPRangeFormat.LoHi)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", "10.0.0.0", "10.255.255.255", IPRangeFormat.CIDR)]
    [InlineData("10.1.2.3/8", "10.0.0.0/8", "10.0.0.0", "10.255.255.255", IPRangeFormat.CIDR)] // host bits name their network
    [InlineData("192.168.1.7/32", "192.168.1.7/32", "192.168.1.7", "192.168.1.7", IPRangeFormat.CIDR)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", "0.0.0.0", "255.255.255.255", IPRangeFormat.CIDR)]
    [InlineData("0.0.0.0-255.255.255.255", "0.0.0.0-255.255.255.255", "0.0.0.0", "255.255.255.255", IPRangeFormat.LoHi)]
    [InlineData("2001:DB8::1", "2001:db8::1", "2001:db8::1", "2001:db8::1", IPRangeFormat.SingleAddress)]
    [InlineData("2001:db8::/32", "2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", IPRangeFormat.CIDR)]
    [InlineData("::/0", "::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", IPRangeFormat.CIDR)]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", IPRangeFormat.LoHi)]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3", "10.1.2.3", "10.1.2.3", IPRangeFormat.SingleAddress)]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8", "10.0.0.0", "10.255.255.255", IPRangeFormat.CIDR)]
    [InlineData("::ffff:10.0.0.1-::ffff:10.0.0.9", "10.0.0.1-10.0.0.9", "10.0.0.1", "10.0.0.9", IPRangeFormat.LoHi)]
    public void ParsesAndShowsExchangesForms(string text, string shown, string lower, string upper, IPRangeFormat format)
    {
        Assert.True(IPRange.TryParse(text, out var range, out var error), error);
        Assert.Equal(shown, range!.ToString());
        Assert.Equal(IPAddress.Parse(lower), range.LowerBound);
        Assert.Equal(IPAddress.Parse(upper), range.UpperBound);
        Assert.Equal(format, range.RangeFormat);
        Assert.Equal(range, IPRange.Parse(range.ToString())); // what is shown reads back
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0")]
    [InlineData("10.1")] // IPAddress.Parse would take this as 10.0.0.1
    [InlineData("256.1.1.1")]
    [InlineData("10.0.0.9-10.0.0.1")]
    [InlineData("10.0.0.1-2001:db8::1")]
    [InlineData("10.0.0.1-10.0.0.2-10.0.0.3")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("2001:db8::/129")]
    [InlineData("::ffff:10.0.0.0/95")]
    [InlineData("fe80::1%eth0")]
    [InlineData("contoso.com")]
    [InlineData("10.0.0.1 10.0.0.2")]
    public void RefusesWhatIsNotARange(string text)
    {
        Assert.False(IPRange.TryParse(text, out var range, out var error));
        Assert.Null(range);
        Assert.Contains("isn't a valid IP range", error);
        Assert.Throws<FormatException>(() => IPRange.Parse(text));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.0.0.5", true)] // a dual-stack socket's view of an IPv4 client
    [InlineData("10.0.0.1-10.0.0.9", "10.0.0.9", true)]
    [InlineData("10.0.0.1-10.0.0.9", "10.0.0.10", false)]
    [InlineData("0.0.0.0-255.255.255.255", "2001:db8::1", false)]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "10.0.0.1", false)]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8::1", true)]
    [InlineData("2001:db8::/64", "2001:db8::ffff", true)]
    [InlineData("2001:db8::/64", "2001:db8:0:1::", false)]
    public void ContainsItsAddressesOnly(string range, string address, bool expected) =>
        Assert.Equal(expected, IPRange.Parse(range).Contains(IPAddress.Parse(address)));

    [Fact]
    public void RangesAreEqualWhenTheyHoldTheSameAddresses()
    {
        Assert.Equal(IPRange.Parse("10.0.0.0/8"), IPRange.Parse("10.0.0.0-10.255.255.255"));
        Assert.Equal(IPRange.Parse("10.0.0.5"), IPRange.Parse("10.0.0.5/32"));
        Assert.NotEqual(IPRange.Parse("10.0.0.0/8"), IPRange.Parse("10.0.0.0/9"));
        Assert.NotEqual(IPRange.Parse("0.0.0.0"), IPRange.Parse("::"));
    }

    [Fact]
    public void TheSmallerRangeHasTheSmallerSpan()
    {
        Assert.Equal(UInt128.Zero, IPRange.Parse("10.0.0.1").Span);
        Assert.Equal((UInt128)255, IPRange.Parse("10.0.0.0/24").Span);
        Assert.Equal(UInt128.MaxValue, IPRange.Parse("::/0").Span);
        Assert.Equal(["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"], IPRange.Everything.Select(r => r.ToString()));
    }
}

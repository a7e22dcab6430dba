using Mailroom.Directory.Connectors;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>Send connector address spaces and smart hosts as Exchange writes them (exchange.md §8.2).</summary>
public class AddressSpaceTests
{
    [Theory]
    [InlineData("contoso.com", "SMTP:contoso.com;1", 1)]
    [InlineData("SMTP:*.contoso.com;1", "SMTP:*.contoso.com;1", 1)]
    [InlineData("smtp:*.Contoso.COM;10", "SMTP:*.contoso.com;10", 10)]
    [InlineData("*", "SMTP:*;1", 1)]
    [InlineData("SMTP:*;100", "SMTP:*;100", 100)]
    [InlineData("*.com", "SMTP:*.com;1", 1)]
    [InlineData(" contoso.com. ;5", "SMTP:contoso.com;5", 5)]
    public void ParsesAndShowsAddressSpaces(string text, string shown, int cost)
    {
        Assert.True(AddressSpace.TryParse(text, out var space, out var error), error);
        Assert.Equal(shown, space!.ToString());
        Assert.Equal(cost, space.Cost);
        Assert.Equal(space, AddressSpace.Parse(shown));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*contoso.com")]
    [InlineData("X400:c=US;a=;p=Contoso")]
    [InlineData("contoso.com;0")]
    [InlineData("contoso.com;101")]
    [InlineData("contoso.com;cheap")]
    [InlineData("con toso.com")]
    [InlineData("*.*.contoso.com")]
    public void RefusesWhatIsNotAnSmtpAddressSpace(string text)
    {
        Assert.False(AddressSpace.TryParse(text, out _, out var error));
        Assert.Contains("isn't a valid address space", error);
    }

    [Theory]
    [InlineData("contoso.com", "contoso.com", true)]
    [InlineData("contoso.com", "mail.contoso.com", false)]
    [InlineData("*.contoso.com", "mail.contoso.com", true)]
    [InlineData("*.contoso.com", "contoso.com", true)]
    [InlineData("*.contoso.com", "notcontoso.com", false)]
    [InlineData("*", "anything.example", true)]
    [InlineData("contoso.com", "CONTOSO.COM.", true)]
    public void MatchesDomains(string space, string domain, bool expected) =>
        Assert.Equal(expected, AddressSpace.Parse(space).Matches(domain));

    [Fact]
    public void AnExactDomainIsMoreSpecificThanItsWildcardAndEverythingBeatsStar()
    {
        var exact = AddressSpace.Parse("mail.contoso.com").Specificity;
        var wildcard = AddressSpace.Parse("*.mail.contoso.com").Specificity;
        var parent = AddressSpace.Parse("*.contoso.com").Specificity;
        var all = AddressSpace.Parse("*").Specificity;
        Assert.True(exact > wildcard && wildcard > parent && parent > all);
    }

    [Theory]
    [InlineData("relay.contoso.com", "relay.contoso.com", false)]
    [InlineData("Relay.Contoso.com.", "relay.contoso.com", false)]
    [InlineData("192.168.1.10", "[192.168.1.10]", true)]
    [InlineData("[192.168.1.10]", "[192.168.1.10]", true)]
    [InlineData("2001:db8::25", "[2001:db8::25]", true)]
    [InlineData("[2001:db8::25]", "[2001:db8::25]", true)]
    public void ParsesSmartHosts(string text, string shown, bool ip)
    {
        Assert.True(SmartHost.TryParse(text, out var host, out var error), error);
        Assert.Equal(shown, host!.ToString());
        Assert.Equal(ip, host.IsIPAddress);
        Assert.Equal(host, SmartHost.Parse(shown));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[relay.contoso.com]")]
    [InlineData("*.contoso.com")]
    [InlineData("relay contoso")]
    [InlineData("[10.0.0.1")]
    public void RefusesWhatIsNotASmartHost(string text) =>
        Assert.False(SmartHost.TryParse(text, out _, out _));
}

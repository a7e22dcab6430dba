using Mailroom.Addressing;

namespace Mailroom.Directory.Tests.Addressing;

public class ProxyAddressTests
{
    [Theory]
    [InlineData("SMTP:alice@contoso.com", "SMTP", "alice@contoso.com", true, true)]
    [InlineData("smtp:alice@contoso.com", "smtp", "alice@contoso.com", true, false)]
    [InlineData("alice@contoso.com", "smtp", "alice@contoso.com", true, false)] // no prefix: a secondary SMTP address
    [InlineData("  SMTP:Alice@Contoso.com ", "SMTP", "Alice@Contoso.com", true, true)]
    [InlineData("X500:/o=First Organization/ou=Exchange/cn=Recipients/cn=alice", "X500", "/o=First Organization/ou=Exchange/cn=Recipients/cn=alice", false, false)]
    [InlineData("x400:c=US;a= ;p=First Organizati;o=Exchange;s=Smith;g=Alice;", "X400", "c=US;a= ;p=First Organizati;o=Exchange;s=Smith;g=Alice;", false, false)]
    [InlineData("EUM:1234;phone-context=dialplan.contoso.com", "EUM", "1234;phone-context=dialplan.contoso.com", false, false)]
    public void Parses(string text, string prefix, string address, bool isSmtp, bool isPrimary)
    {
        Assert.True(ProxyAddress.TryParse(text, out var proxy, out var error));
        Assert.Null(error);
        Assert.Equal(prefix, proxy!.Prefix);
        Assert.Equal(address, proxy.Address);
        Assert.Equal(isSmtp, proxy.IsSmtp);
        Assert.Equal(isPrimary, proxy.IsPrimary);
        Assert.Equal(prefix + ":" + address, proxy.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("SMTP:")]
    [InlineData("smtp:alice")]
    [InlineData("SMTP:alice@contoso..com")]
    [InlineData("SMTP:al ice@contoso.com")]
    [InlineData("alice")]
    [InlineData("X500:")]
    [InlineData("X-500:/o=Org")]
    [InlineData(":alice@contoso.com")]
    public void RefusesBadAddresses(string text)
    {
        Assert.False(ProxyAddress.TryParse(text, out var proxy, out var error));
        Assert.Null(proxy);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => ProxyAddress.Parse(text));
    }

    [Fact]
    public void PrimaryAndSecondaryFormsSwitchOnlyTheSmtpPrefixCase()
    {
        var secondary = ProxyAddress.Parse("smtp:alice@contoso.com");
        Assert.Equal("SMTP:alice@contoso.com", secondary.AsPrimary().ToString());
        Assert.Equal("smtp:alice@contoso.com", secondary.AsPrimary().AsSecondary().ToString());
        var x500 = ProxyAddress.Parse("X500:/o=Org/cn=alice");
        Assert.Equal("X500:/o=Org/cn=alice", x500.AsSecondary().ToString());
    }

    [Theory]
    [InlineData("SMTP:alice@contoso.com", "smtp:ALICE@contoso.com", true)]
    [InlineData("smtp:alice@contoso.com", "smtp:alice2@contoso.com", false)]
    [InlineData("X500:/o=Org/cn=a", "x500:/O=ORG/CN=A", true)]
    [InlineData("X500:alice@contoso.com", "smtp:alice@contoso.com", false)]
    public void SameAddressIgnoresCaseOfPrefixAndAddress(string a, string b, bool same) =>
        Assert.Equal(same, ProxyAddress.Parse(a).SameAddress(ProxyAddress.Parse(b)));

    [Theory]
    [InlineData("Smtp:alice@contoso.com")]
    [InlineData("sMTP:alice@contoso.com")]
    public void MixedCaseSmtpPrefixIsNormalizedToSecondary(string text) =>
        Assert.Equal("smtp:alice@contoso.com", ProxyAddress.Parse(text).ToString());
}

using Mailroom.Addressing;

namespace Mailroom.Directory.Tests.Addressing;

public class SmtpAddressTests
{
    [Theory]
    [InlineData("alice@contoso.com", "alice", "contoso.com")]
    [InlineData("Alice.Smith@Contoso.COM", "Alice.Smith", "Contoso.COM")]
    [InlineData("  alice@contoso.com  ", "alice", "contoso.com")]
    [InlineData("a+tag@contoso.com", "a+tag", "contoso.com")]
    [InlineData("o'brien@contoso.com", "o'brien", "contoso.com")]
    [InlineData("!#$%&'*+-/=?^_`{|}~@contoso.com", "!#$%&'*+-/=?^_`{|}~", "contoso.com")]
    [InlineData("a.b.c@mail.contoso.com", "a.b.c", "mail.contoso.com")]
    [InlineData("postmaster@localhost", "postmaster", "localhost")]
    public void ParsesDotAtomAddresses(string text, string local, string domain)
    {
        Assert.True(SmtpAddress.TryParse(text, out var address));
        Assert.Equal(local, address!.Local);
        Assert.Equal(domain, address.Domain);
        Assert.Equal(local + "@" + domain, address.ToString());
    }

    [Fact]
    public void AcceptsA64CharacterLocalPart() =>
        Assert.True(SmtpAddress.TryParse(new string('a', 64) + "@contoso.com", out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("@contoso.com")]
    [InlineData("alice@")]
    [InlineData("alice@@contoso.com")]
    [InlineData(".alice@contoso.com")]
    [InlineData("alice.@contoso.com")]
    [InlineData("al..ice@contoso.com")]
    [InlineData("al ice@contoso.com")]
    [InlineData("\"alice\"@contoso.com")] // quoted local parts are not dot-atoms
    [InlineData("al(ice)@contoso.com")]
    [InlineData("ålice@contoso.com")]
    [InlineData("alice@*.contoso.com")]
    [InlineData("alice@contoso..com")]
    [InlineData("alice@contoso_corp.com")]
    [InlineData("alice@[192.0.2.1]")]
    [InlineData("alice@contoso.com.")]
    public void RefusesOtherForms(string? text)
    {
        Assert.False(SmtpAddress.TryParse(text, out var address));
        Assert.Null(address);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => SmtpAddress.Parse(text));
        }
    }

    [Fact]
    public void RefusesA65CharacterLocalPart() =>
        Assert.False(SmtpAddress.TryParse(new string('a', 65) + "@contoso.com", out _));

    [Theory]
    [InlineData("alice@ contoso.com")]
    [InlineData("alice@\tcontoso.com")]
    public void RefusesWhitespaceInsideTheAddress(string text) =>
        Assert.False(SmtpAddress.TryParse(text, out _));

    [Theory]
    [InlineData("alice")]
    [InlineData("alice.smith")]
    [InlineData("a")]
    [InlineData("x!#$%&'*+-/=?^_`{|}~")]
    public void ValidLocalParts(string local) => Assert.True(SmtpAddress.IsValidLocalPart(local));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData("a b")]
    [InlineData("a@b")]
    [InlineData("é")]
    [InlineData("a\"b")]
    public void InvalidLocalParts(string local) => Assert.False(SmtpAddress.IsValidLocalPart(local));

    [Fact]
    public void EqualityIgnoresCase()
    {
        Assert.Equal(SmtpAddress.Parse("Alice@Contoso.com"), SmtpAddress.Parse("alice@CONTOSO.COM"));
        Assert.Equal(SmtpAddress.Parse("Alice@Contoso.com").GetHashCode(), SmtpAddress.Parse("alice@CONTOSO.COM").GetHashCode());
        Assert.NotEqual(SmtpAddress.Parse("alice@contoso.com"), SmtpAddress.Parse("alice2@contoso.com"));
    }
}

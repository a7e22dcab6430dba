using Mailroom.Addressing;

namespace Mailroom.Directory.Tests.Addressing;

public class SmtpDomainTests
{
    private static readonly string Label63 = new('a', 63);

    [Theory]
    [InlineData("contoso.com", "contoso.com", false)]
    [InlineData("Contoso.COM", "Contoso.COM", false)]
    [InlineData(" contoso.com ", "contoso.com", false)]
    [InlineData("mail-01.eu.contoso.com", "mail-01.eu.contoso.com", false)]
    [InlineData("localhost", "localhost", false)]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example", false)]
    [InlineData("*.contoso.com", "contoso.com", true)]
    [InlineData("*.sub.contoso.com", "sub.contoso.com", true)]
    public void ParsesValidDomains(string text, string domain, bool subdomains)
    {
        Assert.True(SmtpDomain.TryParse(text, allowWildcard: true, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(domain, parsed!.Domain);
        Assert.Equal(subdomains, parsed.IncludeSubdomains);
        Assert.Equal(subdomains ? "*." + domain : domain, parsed.ToString());
    }

    [Fact]
    public void AcceptsTheLongestLabelAndName()
    {
        Assert.True(SmtpDomain.TryParse(Label63 + ".com", false, out _, out _));
        var name255 = string.Join('.', Enumerable.Repeat(Label63, 4))[..255];
        Assert.True(SmtpDomain.TryParse(name255, false, out _, out var error), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("**.contoso.com")]
    [InlineData("*contoso.com")]
    [InlineData("domain.*.contoso.com")] // an embedded wildcard is invalid (Exchange: only the first label)
    [InlineData("contoso.*")]
    [InlineData("*.*.contoso.com")]
    [InlineData(".contoso.com")]
    [InlineData("contoso.com.")]
    [InlineData("contoso..com")]
    [InlineData("-contoso.com")]
    [InlineData("contoso-.com")]
    [InlineData("con_toso.com")]
    [InlineData("con toso.com")]
    [InlineData("contoso.com/x")]
    [InlineData("bücher.de")]
    [InlineData("user@contoso.com")]
    public void RefusesBadDomains(string text)
    {
        Assert.False(SmtpDomain.TryParse(text, allowWildcard: true, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => SmtpDomain.Parse(text));
    }

    [Fact]
    public void RefusesTooLongLabelsAndNames()
    {
        Assert.False(SmtpDomain.TryParse(new string('a', 64) + ".com", true, out _, out var labelError));
        Assert.Contains("63", labelError);
        var name256 = string.Join('.', Enumerable.Repeat(Label63, 5))[..256];
        Assert.False(SmtpDomain.TryParse(name256, true, out _, out var nameError));
        Assert.Contains("255", nameError);
    }

    [Fact]
    public void RefusesAWildcardWhereNoneIsAllowed()
    {
        Assert.False(SmtpDomain.TryParse("*.contoso.com", allowWildcard: false, out _, out var error));
        Assert.Contains("wildcard", error);
        Assert.Throws<FormatException>(() => SmtpDomain.Parse("*.contoso.com", allowWildcard: false));
    }

    [Theory]
    [InlineData("contoso.com", "contoso.com", true)]
    [InlineData("contoso.com", "CONTOSO.com", true)]
    [InlineData("contoso.com", "mail.contoso.com", false)]
    [InlineData("*.contoso.com", "contoso.com", true)]
    [InlineData("*.contoso.com", "mail.contoso.com", true)]
    [InlineData("*.contoso.com", "a.b.Contoso.com", true)]
    [InlineData("*.contoso.com", "evilcontoso.com", false)]
    [InlineData("*.contoso.com", "contoso.com.evil.net", false)]
    public void MatchesTheDomainAndForAWildcardItsSubdomains(string accepted, string domain, bool matches) =>
        Assert.Equal(matches, SmtpDomain.Parse(accepted).Matches(domain));

    [Fact]
    public void EqualityIgnoresCaseButNotTheWildcard()
    {
        Assert.Equal(SmtpDomain.Parse("contoso.com"), SmtpDomain.Parse("CONTOSO.COM"));
        Assert.Equal(SmtpDomain.Parse("contoso.com").GetHashCode(), SmtpDomain.Parse("CONTOSO.COM").GetHashCode());
        Assert.NotEqual(SmtpDomain.Parse("contoso.com"), SmtpDomain.Parse("*.contoso.com"));
    }
}

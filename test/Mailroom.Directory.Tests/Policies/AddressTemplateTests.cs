using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Tests.Policies;

public class AddressTemplateTests
{
    public static TheoryData<string[], string[]> ValidLists => new()
    {
        { ["SMTP:%g.%s@contoso.com"], ["SMTP:%g.%s@contoso.com"] },
        { ["SMTP:%m@contoso.com", "smtp:%g@fabrikam.com"], ["SMTP:%m@contoso.com", "smtp:%g@fabrikam.com"] },

        // A template without a prefix is SMTP: primary when nothing else is, otherwise a proxy (exchange.md §2.2).
        { ["%m@contoso.com"], ["SMTP:%m@contoso.com"] },
        { ["SMTP:%m@contoso.com", "%g@contoso.com"], ["SMTP:%m@contoso.com", "smtp:%g@contoso.com"] },
        { ["%g@contoso.com", "SMTP:%m@contoso.com"], ["smtp:%g@contoso.com", "SMTP:%m@contoso.com"] },
        { ["%g@contoso.com", "%m@fabrikam.com"], ["SMTP:%g@contoso.com", "smtp:%m@fabrikam.com"] },
        { ["smtp:%g@contoso.com", "%m@fabrikam.com"], ["smtp:%g@contoso.com", "SMTP:%m@fabrikam.com"] },

        // Custom types are kept (prefix upper-cased) and don't count as SMTP.
        { ["SMTP:%m@contoso.com", "X400:c=US;a= ;p=First Organizati;o=Exchange;s=%s;g=%g;"], ["SMTP:%m@contoso.com", "X400:c=US;a= ;p=First Organizati;o=Exchange;s=%s;g=%g;"] },
        { ["SMTP:%m@contoso.com", "gwise:%m"], ["SMTP:%m@contoso.com", "GWISE:%m"] },

        // Blank entries are ignored, others trimmed.
        { ["  SMTP:%m@contoso.com  ", "", "   "], ["SMTP:%m@contoso.com"] },
    };

    [Theory]
    [MemberData(nameof(ValidLists))]
    public void ParsesTemplateLists(string[] texts, string[] expected) =>
        Assert.Equal(expected, AddressTemplate.ParseList(texts).Select(t => t.ToString()));

    [Theory]
    [InlineData("SMTP:%g.%s@contoso.com", true, true, "%g.%s", "contoso.com")]
    [InlineData("smtp:%m@mail.fabrikam.com", true, false, "%m", "mail.fabrikam.com")]
    [InlineData("X400:c=US;a= ;p=Org;s=%s;", false, false, null, null)]
    public void ExposesTypeLocalPartAndDomain(string text, bool isSmtp, bool isPrimary, string? localPart, string? domain)
    {
        var template = AddressTemplate.ParseList([text], requirePrimary: false).Single();
        Assert.Equal(isSmtp, template.IsSmtp);
        Assert.Equal(isPrimary, template.IsPrimary);
        Assert.Equal(localPart, template.LocalPartFormat);
        Assert.Equal(domain, template.Domain);
    }

    public static TheoryData<string[], string> InvalidLists => new()
    {
        { [], "primary" },
        { ["smtp:%m@contoso.com"], "primary" },
        { ["X400:c=US;a= ;p=Org;s=%s;"], "primary" },
        { ["SMTP:%m@contoso.com", "SMTP:%g@contoso.com"], "Only one primary" },
        { ["SMTP:%m@contoso.com", "smtp:%m@contoso.com"], "twice" },
        { ["SMTP:%m@*.contoso.com"], "wildcard" },
        { ["SMTP:%m@contoso..com"], "contoso..com" },
        { ["SMTP:%m@con_toso.com"], "con_toso.com" },
        { ["SMTP:%m@-contoso.com"], "-contoso.com" },
        { ["SMTP:%m@"], "local part and a domain" },
        { ["SMTP:@contoso.com"], "local part and a domain" },
        { ["SMTP:%m"], "local part and a domain" },
        { ["SMTP:%x@contoso.com"], "position 1" },
        { ["SMTP:%g %s@contoso.com"], "position 3" },
        { ["SMTP:a@b@contoso.com"], "'@'" },
        { ["SMTP:%m@contoso.com", "X400:"], "no address" },
    };

    [Theory]
    [MemberData(nameof(InvalidLists))]
    public void RefusesInvalidLists(string[] texts, string messagePart)
    {
        var error = Assert.Throws<FormatException>(() => AddressTemplate.ParseList(texts));
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void WithoutRequirePrimaryAnEmptyOrProxyOnlyListIsFine()
    {
        Assert.Empty(AddressTemplate.ParseList([], requirePrimary: false));
        Assert.Equal(["smtp:%m@contoso.com"], AddressTemplate.ParseList(["smtp:%m@contoso.com"], requirePrimary: false).Select(t => t.ToString()));
    }
}

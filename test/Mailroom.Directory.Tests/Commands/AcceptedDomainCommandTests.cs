using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>New/Set/Remove-AcceptedDomain and their ties to email address policies (exchange.md §1).</summary>
public class AcceptedDomainCommandTests
{
    [Fact]
    public async Task NewDomainIsAuthoritativeByDefaultAndNamedAfterItsDomain()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<AcceptedDomain>("New-AcceptedDomain", new { DomainName = "fabrikam.com" });
        Assert.Equal("fabrikam.com", created.Name);
        Assert.Equal(AcceptedDomainType.Authoritative, created.DomainType);
        Assert.False(created.Default);
        Assert.True(created.AddressBookEnabled);
        var found = await org.DomainAsync("fabrikam.com");
        Assert.Equal(created.Guid, found.Guid);
    }

    [Theory]
    [InlineData("InternalRelay", AcceptedDomainType.InternalRelay)]
    [InlineData("externalrelay", AcceptedDomainType.ExternalRelay)]
    public async Task RelayDomainsAreNotInTheAddressBook(string type, AcceptedDomainType expected)
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<AcceptedDomain>("New-AcceptedDomain", new { Name = "Relay", DomainName = "relay.fabrikam.com", DomainType = type });
        Assert.Equal(expected, created.DomainType);
        Assert.False(created.AddressBookEnabled);
    }

    [Fact]
    public async Task WildcardDomainKeepsItsStar()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<AcceptedDomain>("New-AcceptedDomain", new { Name = "All Fabrikam", DomainName = "*.fabrikam.com" });
        Assert.Equal("*.fabrikam.com", created.DomainName);
        Assert.Equal("All Fabrikam", (await org.DomainAsync("*.fabrikam.com")).Name);
    }

    [Theory]
    [InlineData("domain.*.contoso.com")]
    [InlineData("fabrikam..com")]
    [InlineData("-fabrikam.com")]
    [InlineData("fab rikam.com")]
    [InlineData("*")]
    public async Task InvalidDomainIsRefused(string domainName)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-AcceptedDomain", new { Name = "Bad", DomainName = domainName });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task InvalidDomainTypeIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-AcceptedDomain", new { DomainName = "fabrikam.com", DomainType = "Relay" });
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains("DomainType", error.Message);
    }

    [Theory]
    [InlineData("fabrikam.com", "Another name")]
    [InlineData("FABRIKAM.COM", "Another name")]
    [InlineData("other.fabrikam.com", "Fabrikam")]
    public async Task DuplicateDomainOrNameIsRefused(string domainName, string name)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-AcceptedDomain", new { Name = "Fabrikam", DomainName = "fabrikam.com" });
        var error = await org.RefusedWithoutChangeAsync("New-AcceptedDomain", new { Name = name, DomainName = domainName });
        Assert.Equal("ADObjectAlreadyExistsException", error.ErrorId);
        Assert.Equal("ResourceExists", error.Category);
    }

    [Fact]
    public async Task TheDefaultDomainCannotBeRemoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Remove-AcceptedDomain", new { Identity = "contoso.com" });
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Contains("default", error.Message);
    }

    [Fact]
    public async Task TheDefaultCannotBeClearedOnlyMoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-AcceptedDomain", new { Identity = "contoso.com", MakeDefault = false });
        Assert.Equal("InvalidOperation", error.Category);
    }

    [Fact]
    public async Task MakeDefaultMovesTheDefault()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.RunAsync("Set-AcceptedDomain", new { Identity = "fabrikam.com", MakeDefault = true });
        var all = (await org.RunAsync("Get-AcceptedDomain")).Cast<AcceptedDomain>().ToList();
        Assert.Equal("fabrikam.com", Assert.Single(all, d => d.Default).DomainName);

        // The old default can go now; the Default Policy keeps its template (exchange.md §1.2), which blocks it.
        var error = await org.RefusedWithoutChangeAsync("Remove-AcceptedDomain", new { Identity = "contoso.com" });
        Assert.Contains("Default Policy", error.Message);
        Assert.Equal(["SMTP:%m@contoso.com"], (await org.PolicyAsync("Default Policy")).EnabledEmailAddressTemplates);
    }

    [Fact]
    public async Task UnusedNonDefaultDomainIsRemoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        Assert.Empty(await org.RunAsync("Remove-AcceptedDomain", new { Identity = "fabrikam.com" }));
        var error = await org.RefusedAsync("Get-AcceptedDomain", new { Identity = "fabrikam.com" });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
    }

    [Theory]
    [InlineData("EnabledEmailAddressTemplates")]
    [InlineData("DisabledEmailAddressTemplates")]
    public async Task RemovalIsRefusedWhileAPolicyTemplateUsesTheDomain(string which)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        object parameters = which == "EnabledEmailAddressTemplates"
            ? new { Name = "Fabrikam", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com", "smtp:%g.%s@fabrikam.com" } }
            : new { Name = "Fabrikam", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com" }, DisabledEmailAddressTemplates = new[] { "smtp:%g.%s@fabrikam.com" } };
        await org.RunAsync("New-EmailAddressPolicy", parameters);

        var error = await org.RefusedWithoutChangeAsync("Remove-AcceptedDomain", new { Identity = "fabrikam.com" });
        Assert.Equal("InvalidOperation", error.Category);
        Assert.Contains("\"Fabrikam\"", error.Message);

        // Once the policy no longer names it, the domain can go.
        await org.RunAsync("Remove-EmailAddressPolicy", new { Identity = "Fabrikam" });
        await org.RunAsync("Remove-AcceptedDomain", new { Identity = "fabrikam.com" });
        Assert.Single(await org.RunAsync("Get-AcceptedDomain"));
    }

    [Fact]
    public async Task RemovalOfAWildcardDomainIsRefusedWhileATemplateUsesOneOfItsSubdomains()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-AcceptedDomain", new { Name = "Fabrikam", DomainName = "*.fabrikam.com" });
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "Sales", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@sales.fabrikam.com" } });
        await org.RefusedWithoutChangeAsync("Remove-AcceptedDomain", new { Identity = "Fabrikam" });
    }

    [Fact]
    public async Task AnExternalRelayDomainCannotBeUsedInATemplate()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("partner.com", "ExternalRelay");
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Partner", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@partner.com" },
        });
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains("ExternalRelay", error.Message);
    }

    [Fact]
    public async Task AnInternalRelayDomainCanBeUsedInATemplate()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("shared.com", "InternalRelay");
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Shared", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@shared.com" },
        });
        Assert.Equal(["SMTP:%m@shared.com"], policy.EnabledEmailAddressTemplates);
    }

    [Fact]
    public async Task ADomainInUseCannotBecomeExternalRelay()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "Fabrikam", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@fabrikam.com" } });
        var error = await org.RefusedWithoutChangeAsync("Set-AcceptedDomain", new { Identity = "fabrikam.com", DomainType = "ExternalRelay" });
        Assert.Contains("Fabrikam", error.Message);
    }

    [Fact]
    public async Task ATemplateDomainMustBeAccepted()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-EmailAddressPolicy", new
        {
            Name = "Elsewhere", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%m@fabrikam.com" },
        });
        Assert.Contains("fabrikam.com", error.Message);
        Assert.Contains("accepted domain", error.Message);
    }

    /// <summary>
    /// With contoso.com (Authoritative) and *.contoso.com (ExternalRelay) both accepted, a template at contoso.com
    /// should be judged by the exact domain (exchange.md §1.5: exact domain, then wildcard). The rule picks the
    /// longest DomainName text instead, and "*.contoso.com" is longer than "contoso.com".
    /// </summary>
    [Fact]
    public async Task AnExactDomainWinsOverAWildcardOfTheSameRoot()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-AcceptedDomain", new { Name = "Contoso subdomains", DomainName = "*.contoso.com", DomainType = "ExternalRelay" });
        var policy = await org.OneAsync<EmailAddressPolicy>("New-EmailAddressPolicy", new
        {
            Name = "Contoso", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" },
        });
        Assert.Equal(1, policy.Priority.Value);
    }

    [Fact]
    public async Task RenameKeepsTheDomainAndMovesTheDistinguishedName()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.RunAsync("Set-AcceptedDomain", new { Identity = "fabrikam.com", Name = "Fabrikam Inc" });
        var renamed = await org.DomainAsync("Fabrikam Inc");
        Assert.Equal("fabrikam.com", renamed.DomainName);
        Assert.StartsWith("CN=Fabrikam Inc,CN=Accepted Domains,", renamed.DistinguishedName);
        Assert.Equal(renamed.Guid, (await org.DomainAsync(renamed.DistinguishedName)).Guid);
    }
}

using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;
using Mailroom.Security;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>What first start creates, as Exchange setup does (exchange.md §1.2, §2.4, §6.1).</summary>
public class FirstStartTests
{
    [Fact]
    public async Task TheRootDomainIsTheOneDefaultAuthoritativeAcceptedDomain()
    {
        await using var org = await TestOrganization.CreateAsync();
        var domain = Assert.IsType<AcceptedDomain>(Assert.Single(await org.RunAsync("Get-AcceptedDomain")));
        Assert.Equal("contoso.com", domain.Name);
        Assert.Equal("contoso.com", domain.DomainName);
        Assert.True(domain.Default);
        Assert.Equal(AcceptedDomainType.Authoritative, domain.DomainType);
        Assert.True(domain.AddressBookEnabled);
    }

    [Fact]
    public async Task TheDefaultPolicyIsLowestWithTheAliasAtTheRootDomain()
    {
        await using var org = await TestOrganization.CreateAsync();
        var policy = Assert.IsType<EmailAddressPolicy>(Assert.Single(await org.RunAsync("Get-EmailAddressPolicy")));
        Assert.Equal("Default Policy", policy.Name);
        Assert.Equal("Lowest", policy.Priority.ToString());
        Assert.True(policy.IsDefault);
        Assert.Equal(["SMTP:%m@contoso.com"], policy.EnabledEmailAddressTemplates);
        Assert.Equal("%m@contoso.com", policy.EnabledPrimarySMTPAddressTemplate);
        Assert.Equal("AllRecipients", policy.IncludedRecipients);
    }

    [Fact]
    public async Task TheAdministratorSignsInWithItsPrimaryAddress()
    {
        await using var org = await TestOrganization.CreateAsync();
        var admin = await org.MailboxAsync("Administrator");
        Assert.Equal("administrator@contoso.com", admin.PrimarySmtpAddress);
        Assert.Equal(admin.PrimarySmtpAddress, admin.UserPrincipalName);
        Assert.Equal(["SMTP:administrator@contoso.com"], admin.EmailAddresses);
        Assert.True(admin.EmailAddressPolicyEnabled);
        Assert.True(admin.UseDatabaseQuotaDefaults);
        Assert.Equal((await org.FirstDatabaseAsync()).Name, admin.Database);
        Assert.Equal("contoso.com/Users/Administrator", admin.Identity);
        Assert.True(PasswordHasher.Verify(TestOrganization.AdminPassword, (await org.PasswordHashAsync(admin.Guid))!));
        Assert.False(PasswordHasher.Verify("wrong", (await org.PasswordHashAsync(admin.Guid))!));
    }

    [Fact]
    public async Task TheFirstDatabaseHasExchangesDefaultQuotas()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        Assert.StartsWith("Mailbox Database ", database.Name);
        Assert.Equal("EX1", database.Server);
        Assert.Equal("ex1.contoso.com", database.RpcClientAccessServer);
        Assert.Equal("1.899 GB (2,039,480,320 bytes)", database.IssueWarningQuota.ToString());
        Assert.Equal("2 GB (2,147,483,648 bytes)", database.ProhibitSendQuota.ToString());
        Assert.Equal("2.3 GB (2,469,396,480 bytes)", database.ProhibitSendReceiveQuota.ToString());
    }

    [Fact]
    public async Task TheServerIsRegisteredInItsSite()
    {
        await using var org = await TestOrganization.CreateAsync();
        var server = Assert.IsType<Server>(Assert.Single(await org.RunAsync("Get-ExchangeServer")));
        Assert.Equal("EX1", server.Name);
        Assert.Equal("ex1.contoso.com", server.Fqdn);
        Assert.Equal("Default-First-Site-Name", server.Site);
        Assert.Equal("/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EX1", server.ExchangeLegacyDN);
    }

    [Fact]
    public async Task StartingAgainChangesNothingButTheServer()
    {
        await using var org = await TestOrganization.CreateAsync();
        var domains = await org.RunAsync("Get-AcceptedDomain");
        var result = await org.AddNodeAsync("EX1", "Default-First-Site-Name");
        Assert.False(result.CreatedOrganization);
        Assert.Null(result.GeneratedAdminPassword);
        Assert.Single(await org.RunAsync("Get-ExchangeServer"));
        Assert.Single(await org.RunAsync("Get-MailboxDatabase"));
        Assert.Single(await org.RunAsync("Get-Mailbox"));
        Assert.Equal(domains.Count, (await org.RunAsync("Get-AcceptedDomain")).Count);
    }
}

using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;
using Mailroom.Security;

namespace Mailroom.Directory.Tests.Commands;

public class NewMailboxTests
{
    [Fact]
    public async Task NewMailboxGetsPolicyAddressUpnDatabaseAndDatabaseQuotas()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.OneAsync<Mailbox>("New-Mailbox", new
        {
            Name = "Alice Smith", Alias = "alice", FirstName = "Alice", LastName = "Smith", Password = TestOrganization.MailboxPassword,
        });

        var alice = await org.MailboxAsync("alice");
        Assert.Equal(created.Guid, alice.Guid);
        Assert.Equal("alice@contoso.com", alice.PrimarySmtpAddress);
        Assert.Equal(alice.PrimarySmtpAddress, alice.UserPrincipalName);
        Assert.Equal(["SMTP:alice@contoso.com"], alice.EmailAddresses);
        Assert.Equal((await org.FirstDatabaseAsync()).Name, alice.Database);
        Assert.True(alice.UseDatabaseQuotaDefaults);
        Assert.True(alice.EmailAddressPolicyEnabled);
        Assert.True(alice.ProhibitSendReceiveQuota.IsUnlimited);
        Assert.Equal("Alice Smith", alice.DisplayName);
        Assert.Equal("alice", alice.SamAccountName);
        Assert.Equal("CN=Alice Smith,CN=Users,DC=contoso,DC=com", alice.DistinguishedName);
        Assert.Equal("contoso.com/Users/Alice Smith", alice.Identity);
        Assert.EndsWith("-alice", alice.ExchangeLegacyDN);
        Assert.True(PasswordHasher.Verify(TestOrganization.MailboxPassword, (await org.PasswordHashAsync(alice.Guid))!));
    }

    [Fact]
    public async Task TheAliasDefaultsFromTheName()
    {
        await using var org = await TestOrganization.CreateAsync();
        var mailbox = await org.OneAsync<Mailbox>("New-Mailbox", new { Name = "Bob Van Dyke", Password = TestOrganization.MailboxPassword });
        Assert.Equal("BobVanDyke", mailbox.Alias);
        Assert.Equal("bobvandyke@contoso.com", mailbox.PrimarySmtpAddress);
    }

    [Fact]
    public async Task TheHighestPriorityMatchingPolicyStampsANewMailbox()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "Everyone", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g.%s@contoso.com", "smtp:%m@contoso.com" } });
        var mailbox = await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        Assert.Equal(["SMTP:alice.smith@contoso.com", "smtp:alice@contoso.com"], mailbox.EmailAddresses);
        Assert.Equal("alice.smith@contoso.com", mailbox.UserPrincipalName);
    }

    [Fact]
    public async Task AnExplicitPrimaryAddressTurnsPolicyManagementOff()
    {
        await using var org = await TestOrganization.CreateAsync();
        var mailbox = await org.OneAsync<Mailbox>("New-Mailbox", new { Name = "Info", PrimarySmtpAddress = "Info@contoso.com", Password = TestOrganization.MailboxPassword });
        Assert.False(mailbox.EmailAddressPolicyEnabled);
        Assert.Equal(["SMTP:Info@contoso.com"], mailbox.EmailAddresses);
        Assert.Equal("Info@contoso.com", mailbox.UserPrincipalName);
    }

    [Fact]
    public async Task AnExplicitUpnIsKept()
    {
        await using var org = await TestOrganization.CreateAsync();
        var mailbox = await org.OneAsync<Mailbox>("New-Mailbox", new { Name = "Alice", Password = TestOrganization.MailboxPassword, UserPrincipalName = "alice@corp.contoso.local" });
        Assert.Equal("alice@corp.contoso.local", mailbox.UserPrincipalName);
        Assert.Equal("alice@contoso.com", mailbox.PrimarySmtpAddress);
    }

    [Fact]
    public async Task AnExcludedDatabaseIsSkippedUnlessNamed()
    {
        await using var org = await TestOrganization.CreateAsync();
        var first = await org.FirstDatabaseAsync();
        await org.RunAsync("Set-MailboxDatabase", new { Identity = first.Name, IsExcludedFromProvisioning = true });
        await org.RunAsync("New-MailboxDatabase", new { Name = "DB2", Server = "EX1" });

        Assert.Equal("DB2", (await org.NewMailboxAsync("Alice")).Database);
        var named = await org.OneAsync<Mailbox>("New-Mailbox", new { Name = "Bob", Password = TestOrganization.MailboxPassword, Database = first.Name });
        Assert.Equal(first.Name, named.Database);
    }

    [Theory]
    [InlineData("Alice Smith", "asmith2", "name", "Alice Smith")]
    [InlineData("alice smith", "asmith2", "name", "alice smith")]
    [InlineData("Alice Smith 2", "ALICE", "alias", "ALICE")]
    public async Task DuplicateNameOrAliasIsRefused(string name, string alias, string what, string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new
        {
            Name = name, Alias = alias, SamAccountName = "other", Password = TestOrganization.MailboxPassword,
        });
        Assert.Equal("ADObjectAlreadyExistsException", error.ErrorId);
        Assert.Equal("ResourceExists", error.Category);
        Assert.Contains($"The {what} \"{value.ToLowerInvariant()}\" is already being used", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ADuplicatePrimaryAddressIsRefusedIgnoringCase()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new
        {
            Name = "Impostor", PrimarySmtpAddress = "ALICE@contoso.com", UserPrincipalName = "impostor@contoso.com", Password = TestOrganization.MailboxPassword,
        });
        Assert.Equal("ProxyAddressExistsException", error.ErrorId);
        Assert.Equal("ResourceExists", error.Category);
        Assert.Contains("alice@contoso.com", error.Message);
        Assert.Contains("contoso.com/Users/Alice Smith", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public async Task APasswordOfAtLeastEightCharactersIsRequired(string? password)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new { Name = "Alice", Password = password });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Theory]
    [InlineData("al ice")]
    [InlineData(".alice")]
    [InlineData("alice@contoso.com")]
    public async Task AnInvalidAliasIsRefused(string alias)
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new { Name = "Alice", Alias = alias, Password = TestOrganization.MailboxPassword });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
    }

    [Fact]
    public async Task APrimaryAddressOutsideTheAcceptedDomainsIsRefused()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new { Name = "Alice", PrimarySmtpAddress = "alice@fabrikam.com", Password = TestOrganization.MailboxPassword });
        Assert.Contains("fabrikam.com", error.Message);
    }

    [Fact]
    public async Task AnUnknownDatabaseIsNotFound()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("New-Mailbox", new { Name = "Alice", Database = "Nope", Password = TestOrganization.MailboxPassword });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
    }

    /// <summary>
    /// The SAM account name defaults to the alias cut to 20 characters, so two long aliases that share their first
    /// 20 characters clash on a value the administrator never gave.
    /// </summary>
    [Fact]
    public async Task ADerivedSamAccountNameIsMadeUnique()
    {
        await using var org = await TestOrganization.CreateAsync();
        var first = await org.NewMailboxAsync("christopher.alexander1", alias: "christopher.alexander1");
        var second = await org.NewMailboxAsync("christopher.alexander2", alias: "christopher.alexander2");
        Assert.NotEqual(first.SamAccountName, second.SamAccountName, StringComparer.OrdinalIgnoreCase);
        Assert.InRange(second.SamAccountName.Length, 1, 20);
    }
}

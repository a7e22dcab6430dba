using System.Text.Json;
using Mailroom.Directory.Storage;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Addresses set by hand on a mailbox whose policy management is off (exchange.md §2.7).</summary>
public class ManualAddressTests
{
    private static async Task<TestOrganization> WithManualAliceAsync()
    {
        var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddressPolicyEnabled = false });
        return org;
    }

    [Fact]
    public async Task AReplacementListWithoutATypeMakesTheFirstAddressPrimary()
    {
        await using var org = await WithManualAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new[] { "alice@fabrikam.com", "alice@contoso.com" } });
        var alice = await org.MailboxAsync("alice");
        Assert.Equal(["SMTP:alice@fabrikam.com", "smtp:alice@contoso.com"], alice.EmailAddresses);
        Assert.Equal("alice@fabrikam.com", alice.PrimarySmtpAddress);
        Assert.Equal("alice@fabrikam.com", alice.UserPrincipalName);
    }

    [Fact]
    public async Task AddingAnSmtpPrimaryDemotesTheOldOne()
    {
        await using var org = await WithManualAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Add = new[] { "SMTP:a.smith@fabrikam.com" } } });
        var alice = await org.MailboxAsync("alice");
        Assert.Equal(["smtp:alice@contoso.com", "SMTP:a.smith@fabrikam.com"], alice.EmailAddresses);
        Assert.Equal("a.smith@fabrikam.com", alice.PrimarySmtpAddress);
    }

    [Theory]
    [InlineData(new[] { "SMTP:a@contoso.com", "SMTP:b@contoso.com" }, "Only one")]
    [InlineData(new[] { "SMTP:a@contoso.com", "smtp:A@contoso.com" }, "twice")]
    [InlineData(new[] { "X500:/o=Org/cn=alice" }, "exactly one primary")]
    public async Task AReplacementListNeedsExactlyOnePrimaryAndNoDuplicates(string[] addresses, string messagePart)
    {
        await using var org = await WithManualAliceAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = addresses });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public async Task AnAdministratorSetUpnDoesNotFollowThePrimary()
    {
        await using var org = await WithManualAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", UserPrincipalName = "alice@corp.contoso.local" });
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", PrimarySmtpAddress = "alice@fabrikam.com" });
        var alice = await org.MailboxAsync("alice");
        Assert.Equal("alice@corp.contoso.local", alice.UserPrincipalName);
        Assert.Equal("alice@fabrikam.com", alice.PrimarySmtpAddress);
    }

    [Fact]
    public async Task TurningPolicyManagementBackOnRestampsThePolicyPrimary()
    {
        await using var org = await WithManualAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", PrimarySmtpAddress = "alice@fabrikam.com" });
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddressPolicyEnabled = true });
        var alice = await org.MailboxAsync("alice");
        Assert.Equal("alice@contoso.com", alice.PrimarySmtpAddress);
        Assert.Equal(["smtp:alice@fabrikam.com", "SMTP:alice@contoso.com"], alice.EmailAddresses);
    }

    [Fact]
    public async Task DistinguishedNamesEscapeSpecialCharacters()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.NewMailboxAsync("Smith, John", "John", "Smith", "jsmith");
        Assert.Equal("CN=Smith\\, John,CN=Users,DC=contoso,DC=com", created.DistinguishedName);
        Assert.Equal(created.Guid, (await org.MailboxAsync("CN=Smith\\, John,CN=Users,DC=contoso,DC=com")).Guid);
        Assert.Equal(created.Guid, (await org.MailboxAsync("Smith, John")).Guid);
    }

    [Fact]
    public async Task NoOutputCarriesAPasswordHash()
    {
        await using var org = await TestOrganization.CreateAsync();
        var created = await org.NewMailboxAsync("Alice", alias: "alice");
        var outputs = new List<object> { created };
        outputs.AddRange(await org.RunAsync("Get-Mailbox"));
        foreach (var output in outputs)
        {
            var json = JsonSerializer.Serialize(output, output.GetType(), DirectoryJson.Options);
            Assert.DoesNotContain("pbkdf2", json);
            Assert.DoesNotContain("Password", json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.StartsWith("$pbkdf2-sha256$", await org.PasswordHashAsync(created.Guid));
    }
}

using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Set-Mailbox -EmailAddresses / -PrimarySmtpAddress (exchange.md §2.7).</summary>
public class SetMailboxAddressTests
{
    private static async Task<TestOrganization> WithAliceAsync()
    {
        var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        return org;
    }

    [Fact]
    public async Task AddAndRemoveEditTheProxyAddresses()
    {
        await using var org = await WithAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Add = new[] { "smtp:a.smith@contoso.com", "alice@fabrikam.com" } } });
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:a.smith@contoso.com", "smtp:alice@fabrikam.com"], (await org.MailboxAsync("alice")).EmailAddresses);

        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Add = new[] { "X500:/o=Old/cn=alice" }, Remove = new[] { "SMTP:A.Smith@contoso.com" } } });
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:alice@fabrikam.com", "X500:/o=Old/cn=alice"], (await org.MailboxAsync("alice")).EmailAddresses);

        // Every address finds her; a removed one no longer does.
        Assert.Equal("alice", (await org.MailboxAsync("alice@fabrikam.com")).Alias);
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-Mailbox", new { Identity = "a.smith@contoso.com" })).ErrorId);
    }

    [Fact]
    public async Task ASingleAddAcceptsAPlainString()
    {
        await using var org = await WithAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Add = "smtp:as@contoso.com" } });
        Assert.Contains("smtp:as@contoso.com", (await org.MailboxAsync("alice")).EmailAddresses);
    }

    [Fact]
    public async Task ThePrimaryAddressCannotBeRemoved()
    {
        await using var org = await WithAliceAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Remove = new[] { "alice@contoso.com" } } });
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Contains("primary", error.Message);
    }

    [Fact]
    public async Task OnlyAddAndRemoveKeysAreAccepted()
    {
        await using var org = await WithAliceAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Append = new[] { "x@contoso.com" } } });
        Assert.Contains("Append", error.Message);
    }

    [Theory]
    [InlineData("ALICE@contoso.com")]
    [InlineData("smtp:Alice@Contoso.com")]
    public async Task AnAddressIsUniqueAcrossRecipientsIgnoringCase(string address)
    {
        await using var org = await WithAliceAsync();
        await org.NewMailboxAsync("Bob Jones", "Bob", "Jones", "bob");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "bob", EmailAddresses = new { Add = new[] { address } } });
        Assert.Equal("ProxyAddressExistsException", error.ErrorId);
        Assert.Equal("ResourceExists", error.Category);
        Assert.Contains("contoso.com/Users/Alice Smith", error.Message);
    }

    [Theory]
    [InlineData("alice@partner.com")]
    [InlineData("not an address")]
    [InlineData("SMTP:")]
    public async Task AddressesMustBeValidAndInAnAcceptedDomain(string address)
    {
        await using var org = await WithAliceAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new { Add = new[] { address } } });
        Assert.Equal("InvalidArgument", error.Category);
    }

    [Fact]
    public async Task PrimarySmtpAddressIsRefusedWhilePoliciesManageTheMailbox()
    {
        await using var org = await WithAliceAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", PrimarySmtpAddress = "alice@fabrikam.com" });
        Assert.Equal("InvalidOperationException", error.ErrorId);
        Assert.Contains("EmailAddressPolicyEnabled", error.Message);
    }

    [Fact]
    public async Task PrimarySmtpAddressWorksWithPolicyManagementTurnedOff()
    {
        await using var org = await WithAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", PrimarySmtpAddress = "alice@fabrikam.com", EmailAddressPolicyEnabled = false });

        var alice = await org.MailboxAsync("alice");
        Assert.False(alice.EmailAddressPolicyEnabled);
        Assert.Equal("alice@fabrikam.com", alice.PrimarySmtpAddress);
        Assert.Equal("alice@fabrikam.com", alice.WindowsEmailAddress);
        Assert.Equal(["SMTP:alice@fabrikam.com", "smtp:alice@contoso.com"], alice.EmailAddresses);

        // A later save does not re-impose the policy's primary.
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", Office = "Building 4" });
        Assert.Equal("alice@fabrikam.com", (await org.MailboxAsync("alice")).PrimarySmtpAddress);
    }

    [Fact]
    public async Task EmailAddressesAndPrimarySmtpAddressTogetherAreRefused()
    {
        await using var org = await WithAliceAsync();
        await org.RefusedWithoutChangeAsync("Set-Mailbox", new
        {
            Identity = "alice", EmailAddressPolicyEnabled = false, PrimarySmtpAddress = "alice@fabrikam.com", EmailAddresses = new[] { "alice@fabrikam.com" },
        });
    }

    [Fact]
    public async Task APolicyManagedMailboxGetsThePolicyPrimaryBackOnSave()
    {
        await using var org = await WithAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", EmailAddresses = new[] { "SMTP:boss@contoso.com" } });

        // The replacement list dropped alice@contoso.com; Default Policy stamps it again and makes it primary.
        var alice = await org.MailboxAsync("alice");
        Assert.Equal("alice@contoso.com", alice.PrimarySmtpAddress);
        Assert.Equal(["smtp:boss@contoso.com", "SMTP:alice@contoso.com"], alice.EmailAddresses);
    }

    [Fact]
    public async Task ChangingTheAliasRestampsThePolicyAddressAdditively()
    {
        await using var org = await WithAliceAsync();
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", Alias = "asmith" });
        var mailbox = await org.MailboxAsync("asmith");
        Assert.Equal("asmith@contoso.com", mailbox.PrimarySmtpAddress);
        Assert.Equal(["smtp:alice@contoso.com", "SMTP:asmith@contoso.com"], mailbox.EmailAddresses);
        Assert.Equal("asmith@contoso.com", mailbox.UserPrincipalName);
    }
}

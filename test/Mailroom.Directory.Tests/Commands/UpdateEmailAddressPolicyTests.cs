using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Applying a policy: additive, first match wins, opted-out recipients untouched, all or nothing (exchange.md §2.4, §2.5).</summary>
public class UpdateEmailAddressPolicyTests
{
    /// <summary>An organization with fabrikam.com accepted and the named users, each in a department, before any custom policy.</summary>
    private static async Task<TestOrganization> OrganizationAsync(params (string First, string Last, string Department)[] users)
    {
        var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        foreach (var (first, last, department) in users)
        {
            await org.NewMailboxAsync($"{first} {last}", first, last, alias: first.ToLowerInvariant());
            await org.RunAsync("Set-Mailbox", new { Identity = first.ToLowerInvariant(), Department = department });
        }

        return org;
    }

    private static Task NewSalesPolicyAsync(TestOrganization org, string name, params string[] templates) =>
        org.RunAsync("New-EmailAddressPolicy", new
        {
            Name = name, IncludedRecipients = "MailboxUsers", ConditionalDepartment = new[] { "Sales" }, EnabledEmailAddressTemplates = templates,
        });

    [Fact]
    public async Task NewAndSetDoNotTouchRecipientsUntilUpdate()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        Assert.Equal(["SMTP:alice@contoso.com"], (await org.MailboxAsync("alice")).EmailAddresses);
        Assert.False((await org.PolicyAsync("Sales")).RecipientFilterApplied);
    }

    [Fact]
    public async Task TheSmtpTemplateBecomesPrimaryAndTheOldPrimaryStaysAsAProxy()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"), ("Bob", "Jones", "Support"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com", "smtp:%1g%s@contoso.com");

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });

        var alice = await org.MailboxAsync("alice");
        Assert.Equal("alice.smith@fabrikam.com", alice.PrimarySmtpAddress);
        Assert.Equal(["smtp:alice@contoso.com", "SMTP:alice.smith@fabrikam.com", "smtp:asmith@contoso.com"], alice.EmailAddresses);
        Assert.Equal("alice.smith@fabrikam.com", alice.UserPrincipalName); // Mailroom keeps UPN == primary SMTP
        Assert.Equal(["SMTP:bob@contoso.com"], (await org.MailboxAsync("bob")).EmailAddresses);
        Assert.True((await org.PolicyAsync("Sales")).RecipientFilterApplied);

        // The recipient is found by every address it has.
        Assert.Equal(alice.Guid, (await org.MailboxAsync("alice@contoso.com")).Guid);
        Assert.Equal(alice.Guid, (await org.MailboxAsync("asmith@contoso.com")).Guid);
    }

    [Fact]
    public async Task ApplyingTwiceChangesNothingMore()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });
        var once = (await org.MailboxAsync("alice")).EmailAddresses;
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });
        Assert.Equal(once, (await org.MailboxAsync("alice")).EmailAddresses);
    }

    [Fact]
    public async Task TheFirstMatchingPolicyClaimsTheRecipientEvenUnapplied()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await NewSalesPolicyAsync(org, "Sales first", "SMTP:%g.%s@fabrikam.com");
        await NewSalesPolicyAsync(org, "Sales second", "SMTP:%s@fabrikam.com");

        // Priority 2 matches Alice too, but priority 1 claims her although it was never applied.
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales second" });
        Assert.Equal(["SMTP:alice@contoso.com"], (await org.MailboxAsync("alice")).EmailAddresses);

        // Moving the second policy in front hands her over.
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "Sales second", Priority = 1 });
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales second" });
        Assert.Equal("smith@fabrikam.com", (await org.MailboxAsync("alice")).PrimarySmtpAddress);
    }

    [Fact]
    public async Task RecipientsWithPolicyManagementOffAreUntouched()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"), ("Carol", "White", "Sales"));
        await org.RunAsync("Set-Mailbox", new { Identity = "carol", EmailAddressPolicyEnabled = false });
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        var carolBefore = await org.MailboxAsync("carol");

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });

        var carol = await org.MailboxAsync("carol");
        Assert.Equal(["SMTP:carol@contoso.com"], carol.EmailAddresses);
        Assert.Equal(carolBefore.WhenChanged, carol.WhenChanged);
        Assert.Equal("alice.smith@fabrikam.com", (await org.MailboxAsync("alice")).PrimarySmtpAddress);
    }

    [Fact]
    public async Task CollisionsGetADeterministicNumericSuffix()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await org.NewMailboxAsync("Alice Jones", "Alice", "Jones", alias: "ajones");
        await org.RunAsync("Set-Mailbox", new { Identity = "ajones", Department = "Sales" });
        await org.NewMailboxAsync("Alice Brown", "Alice", "Brown", alias: "abrown");
        await org.RunAsync("Set-Mailbox", new { Identity = "abrown", Department = "Sales" });
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g@fabrikam.com");

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });

        // Recipients are processed in name order: Alice Brown, Alice Jones, Alice Smith.
        Assert.Equal("alice@fabrikam.com", (await org.MailboxAsync("abrown")).PrimarySmtpAddress);
        Assert.Equal("alice2@fabrikam.com", (await org.MailboxAsync("ajones")).PrimarySmtpAddress);
        Assert.Equal("alice3@fabrikam.com", (await org.MailboxAsync("alice")).PrimarySmtpAddress);

        // Applying again keeps everyone's address: a recipient's own address is never "taken".
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });
        Assert.Equal("alice3@fabrikam.com", (await org.MailboxAsync("alice")).PrimarySmtpAddress);
    }

    [Fact]
    public async Task UpdateSecondaryAddressesOnlyKeepsThePrimary()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com", "smtp:%1g%s@contoso.com");

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales", UpdateSecondaryAddressesOnly = true });

        var alice = await org.MailboxAsync("alice");
        Assert.Equal("alice@contoso.com", alice.PrimarySmtpAddress);
        Assert.Equal("alice@contoso.com", alice.UserPrincipalName);
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:alice.smith@fabrikam.com", "smtp:asmith@contoso.com"], alice.EmailAddresses);
    }

    [Fact]
    public async Task ChangingTheDefaultPolicyAndApplyingItReachesEveryoneLeft()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"), ("Bob", "Jones", "Support"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        await org.RunAsync("Set-EmailAddressPolicy", new { Identity = "Default Policy", EnabledEmailAddressTemplates = new[] { "SMTP:%m@contoso.com", "smtp:%m@fabrikam.com" } });

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Default Policy" });

        Assert.Equal(["SMTP:bob@contoso.com", "smtp:bob@fabrikam.com"], (await org.MailboxAsync("bob")).EmailAddresses);
        Assert.Equal(["SMTP:administrator@contoso.com", "smtp:administrator@fabrikam.com"], (await org.MailboxAsync("Administrator")).EmailAddresses);
        Assert.Equal(["SMTP:alice@contoso.com"], (await org.MailboxAsync("alice")).EmailAddresses); // claimed by Sales
    }

    [Fact]
    public async Task RemovingAPolicyNeverRemovesAddresses()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });
        var applied = (await org.MailboxAsync("alice")).EmailAddresses;

        await org.RunAsync("Remove-EmailAddressPolicy", new { Identity = "Sales" });

        Assert.Equal(applied, (await org.MailboxAsync("alice")).EmailAddresses);
    }

    /// <summary>
    /// Bob's new primary would also become his UPN, which Xavier already signs in with: the policy numbers it.
    /// </summary>
    [Fact]
    public async Task AnAddressThatIsAnotherUsersSignInNameGetsTheNextNumber()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"), ("Bob", "Jones", "Sales"));
        await org.RunAsync("New-Mailbox", new { Name = "Xavier", Password = TestOrganization.MailboxPassword, UserPrincipalName = "bob.jones@fabrikam.com" });
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");

        await org.RunAsync("Update-EmailAddressPolicy", new { Identity = "Sales" });

        var bob = await org.MailboxAsync("bob");
        Assert.Equal("bob.jones2@fabrikam.com", bob.PrimarySmtpAddress);
        Assert.Equal("bob.jones2@fabrikam.com", bob.UserPrincipalName);
    }

    /// <summary>
    /// The store fails while the command writes its second recipient: Alice, written first, is rolled back too,
    /// and the policy is not marked applied.
    /// </summary>
    [Fact]
    public async Task AFailingUpdateLeavesEveryRecipientAsItWas()
    {
        await using var org = await OrganizationAsync(("Alice", "Smith", "Sales"), ("Bob", "Jones", "Sales"));
        await NewSalesPolicyAsync(org, "Sales", "SMTP:%g.%s@fabrikam.com");
        var failing = new ManagementService(new FailingStore(org.Store, failOnMailboxUpdate: 2), CommandCatalog.CreateDefault(), TimeProvider.System, "ex1.contoso.com");

        await Assert.ThrowsAsync<IOException>(() => failing.InvokeAsync(
            "Update-EmailAddressPolicy", CommandParameters.From(new { Identity = "Sales" }), TestOrganization.Admin, CancellationToken.None));

        Assert.Equal(["SMTP:alice@contoso.com"], (await org.MailboxAsync("alice")).EmailAddresses);
        Assert.Equal(["SMTP:bob@contoso.com"], (await org.MailboxAsync("bob")).EmailAddresses);
        Assert.False((await org.PolicyAsync("Sales")).RecipientFilterApplied);
    }

    [Fact]
    public async Task AnUnknownPolicyIsNotFound()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Update-EmailAddressPolicy", new { Identity = "Nope" });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
        Assert.Equal("ObjectNotFound", error.Category);
    }
}

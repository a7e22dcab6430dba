using Mailroom.Directory.Model;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>-Identity resolves to exactly one recipient by any of its names; none and several are both errors.</summary>
public class MailboxIdentityTests
{
    [Fact]
    public async Task AMailboxIsFoundByEveryFormOfItsIdentity()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.AddDomainAsync("fabrikam.com");
        var alice = await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", UserPrincipalName = "asmith@fabrikam.com", EmailAddresses = new { Add = new[] { "smtp:alice.smith@fabrikam.com" } } });

        string[] identities =
        [
            "Alice Smith", "alice smith", "  Alice Smith  ", "alice", "ALICE", "asmith@fabrikam.com", "alice@contoso.com", "Alice@Contoso.com",
            "smtp:alice@contoso.com", "alice.smith@fabrikam.com", "CN=Alice Smith,CN=Users,DC=contoso,DC=com", "cn=alice smith,cn=users,dc=contoso,dc=com",
            alice.ExchangeLegacyDN, alice.Guid.ToString(), alice.Guid.ToString("B"), "contoso.com/Users/Alice Smith", "CONTOSO\\alice",
        ];
        foreach (var identity in identities)
        {
            var found = await org.MailboxAsync(identity);
            Assert.True(found.Guid == alice.Guid, $"\"{identity}\" found {found.Name}");
        }
    }

    [Fact]
    public async Task AnIdentityMatchingTwoMailboxesIsAmbiguous()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Bob Jones", "Bob", "Jones", "bob"); // alias bob
        await org.NewMailboxAsync("bob", alias: "bobby"); // name bob
        var error = await org.RefusedAsync("Get-Mailbox", new { Identity = "bob" });
        Assert.Equal("ManagementObjectAmbiguousException", error.ErrorId);
        Assert.Equal("InvalidArgument", error.Category);

        // A Set- with an ambiguous identity changes nobody.
        await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "bob", Office = "Building 4" });
        Assert.Equal("bobby", (await org.MailboxAsync("bobby")).Alias);
    }

    [Fact]
    public async Task AnUnknownIdentityIsNotFoundOnThisServer()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "nobody@contoso.com", Office = "Building 4" });
        Assert.Equal("ManagementObjectNotFoundException", error.ErrorId);
        Assert.Equal("ObjectNotFound", error.Category);
        Assert.Equal("The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found on 'ex1.contoso.com'.", error.Message);
    }

    [Fact]
    public async Task AnIdentityOfAnotherClassIsNotFound()
    {
        await using var org = await TestOrganization.CreateAsync();
        var database = await org.FirstDatabaseAsync();
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-Mailbox", new { Identity = database.Name })).ErrorId);
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-Mailbox", new { Identity = database.Guid.ToString() })).ErrorId);
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-MailboxDatabase", new { Identity = "Administrator" })).ErrorId);
    }

    [Fact]
    public async Task GetMailboxListsByDatabaseAndFilter()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", Department = "Sales" });
        var database = await org.FirstDatabaseAsync();

        Assert.Equal(["Administrator", "Alice Smith"], (await org.RunAsync("Get-Mailbox", new { Database = database.Name })).Cast<Mailbox>().Select(m => m.Name).Order());
        Assert.Equal(["Alice Smith"], (await org.RunAsync("Get-Mailbox", new { Filter = "Department -eq 'Sales'" })).Cast<Mailbox>().Select(m => m.Name));
        Assert.Single(await org.RunAsync("Get-Mailbox", new { ResultSize = 1 }));
        Assert.Equal("InvalidFilter", (await org.RefusedAsync("Get-Mailbox", new { Filter = "Department -eq" })).ErrorId);
    }

    [Fact]
    public async Task RenamingMovesNameDistinguishedNameAndCanonicalName()
    {
        await using var org = await TestOrganization.CreateAsync();
        var alice = await org.NewMailboxAsync("Alice", alias: "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", Name = "Alice Smith" });
        var renamed = await org.MailboxAsync("CN=Alice Smith,CN=Users,DC=contoso,DC=com");
        Assert.Equal(alice.Guid, renamed.Guid);
        Assert.Equal("contoso.com/Users/Alice Smith", renamed.Identity);
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-Mailbox", new { Identity = "CN=Alice,CN=Users,DC=contoso,DC=com" })).ErrorId);
    }

    [Fact]
    public async Task RemovedMailboxesAreGoneWithTheirAddresses()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        await org.RunAsync("Remove-Mailbox", new { Identity = "alice" });
        Assert.Equal("ManagementObjectNotFoundException", (await org.RefusedAsync("Get-Mailbox", new { Identity = "alice@contoso.com" })).ErrorId);

        // The name, alias and address are free again.
        var again = await org.NewMailboxAsync("Alice", alias: "alice");
        Assert.Equal("alice@contoso.com", again.PrimarySmtpAddress);
    }

    [Fact]
    public async Task TheLastOrganizationManagerCannotBeRemoved()
    {
        await using var org = await TestOrganization.CreateAsync();
        var error = await org.RefusedWithoutChangeAsync("Remove-Mailbox", new { Identity = "Administrator" });
        Assert.Equal("InvalidOperation", error.Category);
    }
}

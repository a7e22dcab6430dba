using Mailroom.Addressing;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Management;
using Mailroom.Storage.Sqlite;
using Mailroom.Transport.Routing;
using Microsoft.Data.Sqlite;

namespace Mailroom.Transport.Tests.Routing;

public sealed class RecipientResolverTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-resolver-" + Guid.NewGuid().ToString("N"));
    private SqliteDirectoryStore store = null!;
    private RecipientResolver resolver = null!;

    public async Task InitializeAsync()
    {
        store = new SqliteDirectoryStore(Path.Combine(folder, "d.db"));
        await store.InitializeAsync();
        await new OrganizationBootstrapper(store, TimeProvider.System)
            .EnsureAsync(new NodeIdentity("First Organization", "contoso.com", "EX1", "ex1.contoso.com", "Default-First-Site-Name", "test"), "Passw0rd!Admin");
        var service = new ManagementService(store, CommandCatalog.CreateDefault(), TimeProvider.System, "ex1.contoso.com");
        var admin = new Caller(Guid.NewGuid(), "admin", true, true);
        await service.InvokeAsync("New-AcceptedDomain", CommandParameters.From(new { Name = "relay", DomainName = "fabrikam.com", DomainType = "InternalRelay" }), admin, default);
        await service.InvokeAsync("New-AcceptedDomain", CommandParameters.From(new { Name = "external", DomainName = "partner.example", DomainType = "ExternalRelay" }), admin, default);
        await service.InvokeAsync("New-AcceptedDomain", CommandParameters.From(new { Name = "subs", DomainName = "*.tailspin.example" }), admin, default);
        await service.InvokeAsync("New-Mailbox", CommandParameters.From(new { Name = "Alice", Password = "Passw0rd!x" }), admin, default);
        await service.InvokeAsync("Set-Mailbox", CommandParameters.From(new { Identity = "Alice", EmailAddresses = new { Add = new[] { "smtp:alice@fabrikam.com" } } }), admin, default);
        resolver = new RecipientResolver(store);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("alice@contoso.com", "local")]
    [InlineData("ALICE@Contoso.COM", "local")]
    [InlineData("nobody@contoso.com", "unknown")]
    [InlineData("alice@fabrikam.com", "local")]
    [InlineData("bob@fabrikam.com", "relay-accepted")]
    [InlineData("alice@partner.example", "relay-accepted")]
    [InlineData("someone@sub.tailspin.example", "unknown")]
    [InlineData("someone@tailspin.example", "unknown")]
    [InlineData("someone@elsewhere.example", "relay-foreign")]
    [InlineData("someone@notcontoso.com", "relay-foreign")]
    public async Task AddressesResolveAsExchangeRoutesThem(string address, string expected)
    {
        var resolution = await resolver.ResolveAsync(SmtpAddress.Parse(address));
        var kind = resolution switch
        {
            RecipientResolution.LocalMailbox => "local",
            RecipientResolution.Unknown => "unknown",
            RecipientResolution.Relay { AcceptedDomain: true } => "relay-accepted",
            RecipientResolution.Relay => "relay-foreign",
            _ => "?",
        };
        Assert.Equal(expected, kind);
    }

    [Fact]
    public async Task ALocalMailboxCarriesItsDatabasesSendReceiveQuota()
    {
        var local = Assert.IsType<RecipientResolution.LocalMailbox>(await resolver.ResolveAsync(SmtpAddress.Parse("alice@fabrikam.com")));
        Assert.Equal("alice@contoso.com", local.PrimarySmtpAddress);
        Assert.Equal(2_469_396_480UL, local.ProhibitSendReceiveQuota.Value.Bytes);
    }
}

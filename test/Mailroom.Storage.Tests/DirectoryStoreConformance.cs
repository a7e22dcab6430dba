using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Storage.Tests;

/// <summary>
/// What every directory store provider must do, run against each provider by a derived class: keys are unique
/// across the directory, a transaction that throws leaves nothing behind, listings page through large classes,
/// and secrets live apart from objects.
/// </summary>
public abstract class DirectoryStoreConformance : IAsyncLifetime
{
    protected IDirectoryStore Store { get; private set; } = null!;

    protected abstract Task<IDirectoryStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAddedObjectReadsBackWithItsKeys()
    {
        var domain = Domain("contoso.com");
        await Store.WriteAsync(tx => Do(tx.AddAsync(domain)));

        var read = await Store.ReadAsync(r => r.GetAsync(domain.Guid));
        var copy = Assert.IsType<AcceptedDomain>(read);
        Assert.Equal("contoso.com", copy.DomainName);
        Assert.Equal(AcceptedDomainType.InternalRelay, copy.DomainType);
        Assert.Equal(domain.WhenCreated, copy.WhenCreated);
        Assert.Equal(domain.Guid, await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Domain("CONTOSO.com"))));
        Assert.Equal(domain.Guid, await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Name(AcceptedDomain.Class, "Contoso.COM"))));
    }

    [Fact]
    public async Task AKeyHeldByAnotherObjectIsAConflictAndTheWholeTransactionRollsBack()
    {
        await Store.WriteAsync(tx => Do(tx.AddAsync(Domain("fabrikam.com"))));
        var first = Domain("first.example");
        var clash = Domain("FABRIKAM.com", name: "another name");

        var error = await Assert.ThrowsAsync<DirectoryKeyConflictException>(() => Store.WriteAsync(async tx =>
        {
            await tx.AddAsync(first);
            await tx.AddAsync(clash);
            return 0;
        }));

        Assert.Equal(DirectoryKey.Domain("fabrikam.com"), error.Key);
        Assert.Null(await Store.ReadAsync(r => r.GetAsync(first.Guid)));
        Assert.Null(await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Domain("first.example"))));
    }

    [Fact]
    public async Task AnyExceptionRollsBackEveryWriteOfTheTransaction()
    {
        var domain = Domain("rollback.example");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync<int>(async tx =>
        {
            await tx.AddAsync(domain);
            await tx.SetPasswordHashAsync(domain.Guid, "hash");
            throw new InvalidOperationException("the command failed after writing");
        }));

        Assert.Null(await Store.ReadAsync(r => r.GetAsync(domain.Guid)));
        Assert.Null(await Store.ReadAsync(r => r.GetPasswordHashAsync(domain.Guid)));
    }

    [Fact]
    public async Task AnUpdateReplacesTheKeysSoOldOnesAreFreed()
    {
        var mailbox = Mailbox("alice", "alice@contoso.com");
        await Store.WriteAsync(tx => Do(tx.AddAsync(mailbox)));
        mailbox.EmailAddresses = ["SMTP:alice.smith@contoso.com"];
        mailbox.PrimarySmtpAddress = "alice.smith@contoso.com";
        await Store.WriteAsync(tx => Do(tx.UpdateAsync(mailbox)));

        Assert.Null(await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.SmtpAddress("alice@contoso.com"))));
        Assert.Equal(mailbox.Guid, await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.SmtpAddress("ALICE.SMITH@contoso.com"))));
        var other = Mailbox("bob", "alice@contoso.com", upn: "bob@contoso.com");
        await Store.WriteAsync(tx => Do(tx.AddAsync(other)));
        Assert.Equal(other.Guid, await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.SmtpAddress("alice@contoso.com"))));
    }

    [Fact]
    public async Task DeleteRemovesTheObjectItsKeysAndItsSecret()
    {
        var mailbox = Mailbox("carol", "carol@contoso.com");
        await Store.WriteAsync(async tx =>
        {
            await tx.AddAsync(mailbox);
            await tx.SetPasswordHashAsync(mailbox.Guid, "first");
            await tx.SetPasswordHashAsync(mailbox.Guid, "second");
            return 0;
        });
        Assert.Equal("second", await Store.ReadAsync(r => r.GetPasswordHashAsync(mailbox.Guid)));

        await Store.WriteAsync(tx => Do(tx.DeleteAsync(mailbox.Guid)));

        Assert.Null(await Store.ReadAsync(r => r.GetAsync(mailbox.Guid)));
        Assert.Null(await Store.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.UserPrincipalName("carol@contoso.com"))));
        Assert.Null(await Store.ReadAsync(r => r.GetPasswordHashAsync(mailbox.Guid)));
    }

    [Fact]
    public async Task ListingPagesThroughMoreObjectsThanOnePageInNameOrder()
    {
        const int count = 1234;
        await Store.WriteAsync(async tx =>
        {
            for (var i = 0; i < count; i++)
            {
                await tx.AddAsync(Mailbox($"user{i:D5}", $"user{i:D5}@contoso.com"));
            }

            return 0;
        });

        var names = await Store.ReadAsync(async r => await r.ListAsync<Mailbox>().Select(m => m.Name).ToListAsync());
        Assert.Equal(count, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Empty(await Store.ReadAsync(async r => await r.ListAsync<ClientAccessArray>().ToListAsync()));
    }

    [Fact]
    public async Task ObjectsCanBeUpdatedWhileTheirClassIsBeingListed()
    {
        await Store.WriteAsync(async tx =>
        {
            for (var i = 0; i < 600; i++)
            {
                await tx.AddAsync(Mailbox($"page{i:D4}", $"page{i:D4}@contoso.com"));
            }

            return 0;
        });

        var updated = await Store.WriteAsync(async tx =>
        {
            var n = 0;
            await foreach (var mailbox in tx.ListAsync<Mailbox>())
            {
                mailbox.Department = "Listed";
                await tx.UpdateAsync(mailbox);
                n++;
            }

            return n;
        });

        Assert.Equal(600, updated);
        Assert.All(await Store.ReadAsync(async r => await r.ListAsync<Mailbox>().ToListAsync()), m => Assert.Equal("Listed", m.Department));
    }

    [Fact]
    public async Task ConcurrentWritersAreSerializedSoNoIncrementIsLost()
    {
        var counter = Domain("counter.example");
        await Store.WriteAsync(tx => Do(tx.AddAsync(counter)));

        // Read-modify-write in each transaction: without the store's write lock, increments would be lost.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.WriteAsync(async tx =>
        {
            var current = (AcceptedDomain)(await tx.GetAsync(counter.Guid))!;
            current.Name = (int.Parse(current.Name.Split('-')[^1] is var last && int.TryParse(last, out _) ? last : "0") + 1).ToString();
            current.Name = "count-" + current.Name;
            await tx.UpdateAsync(current);
            return 0;
        }))));

        var final = (AcceptedDomain)(await Store.ReadAsync(r => r.GetAsync(counter.Guid)))!;
        Assert.Equal("count-20", final.Name);
    }

    [Fact]
    public async Task InitializingAgainKeepsTheData()
    {
        var domain = Domain("kept.example");
        await Store.WriteAsync(tx => Do(tx.AddAsync(domain)));
        await Store.InitializeAsync();
        Assert.NotNull(await Store.ReadAsync(r => r.GetAsync(domain.Guid)));
    }

    private static async Task<int> Do(Task work)
    {
        await work;
        return 0;
    }

    private static AcceptedDomain Domain(string domainName, string? name = null) => new()
    {
        Guid = Guid.NewGuid(),
        Name = name ?? domainName,
        DomainName = domainName,
        DomainType = AcceptedDomainType.InternalRelay,
        DistinguishedName = $"CN={name ?? domainName},CN=Accepted Domains",
        WhenCreated = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc),
        WhenChanged = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc),
    };

    private static Mailbox Mailbox(string alias, string address, string? upn = null) => new()
    {
        Guid = Guid.NewGuid(),
        Name = alias,
        Alias = alias,
        SamAccountName = alias,
        UserPrincipalName = upn ?? address,
        PrimarySmtpAddress = address,
        EmailAddresses = ["SMTP:" + address],
        DistinguishedName = $"CN={alias},CN=Users,DC=contoso,DC=com",
    };
}

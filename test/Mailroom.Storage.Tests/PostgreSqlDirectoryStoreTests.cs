using Mailroom.Directory.Storage;
using Mailroom.Storage.PostgreSql;
using Mailroom.Testing;

namespace Mailroom.Storage.Tests;

/// <summary>The same conformance suite on a throwaway PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgreSqlDirectoryStoreTests(PostgreSqlFixture postgres) : DirectoryStoreConformance, IClassFixture<PostgreSqlFixture>
{
    private PostgreSqlDirectoryStore? store;

    protected override async Task<IDirectoryStore> CreateStoreAsync() =>
        store = new PostgreSqlDirectoryStore(await postgres.CreateDatabaseAsync());

    public override async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoStoresOnOneDatabaseSeeEachOthersWrites()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var nodeA = new PostgreSqlDirectoryStore(connectionString);
        await using var nodeB = new PostgreSqlDirectoryStore(connectionString);
        await Task.WhenAll(nodeA.InitializeAsync(), nodeB.InitializeAsync());
        var site = new Mailroom.Directory.Model.Site { Guid = Guid.NewGuid(), Name = "Longview", DistinguishedName = "CN=Longview,CN=Sites" };
        await nodeA.WriteAsync(async tx =>
        {
            await tx.AddAsync(site);
            return 0;
        });

        Assert.Equal("Longview", (await nodeB.ReadAsync(r => r.GetAsync(site.Guid)))?.Name);
    }
}

using Mailroom.Mailboxes.Tests.Conformance;
using Mailroom.Storage.PostgreSql;
using Mailroom.Testing;
using Npgsql;

namespace Mailroom.Mailboxes.Tests;

/// <summary>The same conformance suite on a throwaway PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgreSqlMailboxStoreTests(PostgreSqlFixture postgres) : MailboxStoreConformance, IClassFixture<PostgreSqlFixture>
{
    private readonly List<PostgreSqlMailboxStore> stores = [];
    private string? connectionString;

    protected override async Task<IMailboxStore> OpenStoreAsync()
    {
        connectionString ??= await postgres.CreateDatabaseAsync();
        var store = new PostgreSqlMailboxStore(connectionString, time: Clock);
        stores.Add(store);
        return store;
    }

    protected override async Task<int> CountStoredBodiesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT COUNT(DISTINCT content_id) FROM mail_blob_chunks", connection);
        var withChunks = (long)(await cmd.ExecuteScalarAsync())!;
        await using var empty = new NpgsqlCommand("SELECT COUNT(*) FROM mail_blobs WHERE size = 0", connection);
        return (int)(withChunks + (long)(await empty.ExecuteScalarAsync())!);
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoNodesOnOneDatabaseShareMailboxesAndBodies()
    {
        var nodeB = await OpenStoreAsync();
        await nodeB.InitializeAsync();
        var mailbox = await NewMailboxAsync();
        var message = await ImportAsync("seen by both");

        var fromA = DeliverAsync(mailbox, message, key: "k1");
        var fromB = nodeB.DeliverAsync(mailbox, Model.NewMessage.From(message, Clock.GetUtcNow()) with { IdempotencyKey = "k2" });
        var uids = (await Task.WhenAll(fromA, fromB)).Select(r => r.Uid).Order();

        Assert.Equal([1u, 2u], uids);
        await using var body = await nodeB.Blobs.OpenReadAsync(message.Blob.Id);
        Assert.Equal(message.Blob.Size, body.Length);
    }

    [Fact]
    public async Task ConcurrentMigrationsFromTwoNodesDoNotCollide()
    {
        connectionString = await postgres.CreateDatabaseAsync();
        var a = await OpenStoreAsync();
        var b = await OpenStoreAsync();
        await Task.WhenAll(a.InitializeAsync(), b.InitializeAsync());
        Assert.True(await a.CreateMailboxAsync(Guid.NewGuid()));
    }
}

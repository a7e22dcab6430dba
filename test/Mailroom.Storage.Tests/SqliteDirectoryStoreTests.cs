using Mailroom.Directory.Storage;
using Mailroom.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mailroom.Storage.Tests;

public sealed class SqliteDirectoryStoreTests : DirectoryStoreConformance
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override Task<IDirectoryStore> CreateStoreAsync() =>
        Task.FromResult<IDirectoryStore>(new SqliteDirectoryStore(Path.Combine(folder, "directory.db")));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheDatabaseRunsInWriteAheadLogMode()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "directory.db")}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }
}

using Mailroom.Mailboxes.Tests.Conformance;
using Mailroom.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mailroom.Mailboxes.Tests;

/// <summary>The conformance suite on the embedded store, in a temp data folder per test.</summary>
public sealed class SqliteMailboxStoreTests : MailboxStoreConformance
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-mailbox-" + Guid.NewGuid().ToString("N"));

    protected override Task<IMailboxStore> OpenStoreAsync() => Task.FromResult<IMailboxStore>(new SqliteMailboxStore(folder, time: Clock));

    /// <summary>Larger than the inline limit, so it is stored as a file.</summary>
    private static byte[] LargeBody(string text) =>
        [.. System.Text.Encoding.ASCII.GetBytes(text), .. Enumerable.Repeat((byte)'x', SqliteMailboxStore.InlineBodyLimit)];

    protected override async Task<int> CountStoredBodiesAsync()
    {
        var files = System.IO.Directory.EnumerateDirectories(Path.Combine(folder, "blobs"))
            .Where(d => Path.GetFileName(d) != "tmp")
            .Sum(d => System.IO.Directory.EnumerateFiles(d).Count());
        return files + (int)(long)(await QueryAsync("SELECT COUNT(*) FROM mail_blobs WHERE data IS NOT NULL"))!;
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "mailbox.db")}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "mailbox.db")}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task LargeBodiesAreFilesNamedByTheirHashAndTheIndexRunsInWalMode()
    {
        var bytes = LargeBody("file body");
        var info = await Store.Blobs.PutAsync(new MemoryStream(bytes));

        var path = ((SqliteMailboxStore)Store).BlobPath(info.Id);
        Assert.Equal(Path.Combine(folder, "blobs", info.Id.Hex[..2], info.Id.Hex[2..]), path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Empty(System.IO.Directory.EnumerateFiles(Path.Combine(folder, "blobs", "tmp")));
        Assert.Equal("wal", await QueryAsync("PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SqliteMailboxStore.InlineBodyLimit)]
    public async Task BodiesUpToTheInlineLimitLiveInTheirRowAndNotInAFile(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();
        var info = await Store.Blobs.PutAsync(new MemoryStream(bytes));

        Assert.False(File.Exists(((SqliteMailboxStore)Store).BlobPath(info.Id)));
        Assert.Equal(size, info.Size);
        await using var read = await Store.Blobs.OpenReadAsync(info.Id);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task ConcurrentSmallPutsAllCommitAndEachGetsItsOwnBody()
    {
        var bodies = Enumerable.Range(0, 50).Select(i => System.Text.Encoding.ASCII.GetBytes($"body {i}")).ToList();

        var infos = await Task.WhenAll(bodies.Select(b => Store.Blobs.PutAsync(new MemoryStream(b))));

        Assert.Equal(50, infos.Select(i => i.Id).Distinct().Count());
        Assert.Equal(50L, await QueryAsync("SELECT COUNT(*) FROM mail_blobs WHERE data IS NOT NULL"));
        for (var i = 0; i < bodies.Count; i++)
        {
            await using var read = await Store.Blobs.OpenReadAsync(infos[i].Id);
            Assert.Equal(bodies[i], new BinaryReader(read).ReadBytes(100));
        }
    }

    [Fact]
    public async Task TheSweepRemovesTemporaryFilesAnInterruptedPutLeftBehind()
    {
        var abandoned = Path.Combine(folder, "blobs", "tmp", "interrupted");
        await File.WriteAllTextAsync(abandoned, "half a message");
        File.SetLastWriteTimeUtc(abandoned, Start.UtcDateTime.AddDays(-1));

        await Store.Blobs.SweepAsync(TimeSpan.FromHours(1));

        Assert.False(File.Exists(abandoned));
    }

    [Fact]
    public async Task APutRestoresAFileLostBetweenASweepsDeleteAndItsCommit()
    {
        var bytes = LargeBody("restored");
        var info = await Store.Blobs.PutAsync(new MemoryStream(bytes));
        File.Delete(((SqliteMailboxStore)Store).BlobPath(info.Id));

        await Store.Blobs.PutAsync(new MemoryStream(bytes));

        Assert.Equal(bytes, await File.ReadAllBytesAsync(((SqliteMailboxStore)Store).BlobPath(info.Id)));
    }
}

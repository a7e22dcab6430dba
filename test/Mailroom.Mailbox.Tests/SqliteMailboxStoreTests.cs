using Mailroom.Mailboxes.Tests.Conformance;
using Mailroom.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mailroom.Mailboxes.Tests;

/// <summary>The conformance suite on the embedded store, in a temp data folder per test.</summary>
public sealed class SqliteMailboxStoreTests : MailboxStoreConformance
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mailroom-mailbox-" + Guid.NewGuid().ToString("N"));

    protected override Task<IMailboxStore> OpenStoreAsync() => Task.FromResult<IMailboxStore>(new SqliteMailboxStore(folder, time: Clock));

    protected override Task<int> CountStoredBodiesAsync() =>
        Task.FromResult(System.IO.Directory.EnumerateDirectories(Path.Combine(folder, "blobs"))
            .Where(d => Path.GetFileName(d) != "tmp")
            .Sum(d => System.IO.Directory.EnumerateFiles(d).Count()));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BodiesAreFilesNamedByTheirHashAndTheIndexRunsInWalMode()
    {
        var info = await Store.Blobs.PutAsync(new MemoryStream("file body"u8.ToArray()));

        var path = ((SqliteMailboxStore)Store).BlobPath(info.Id);
        Assert.Equal(Path.Combine(folder, "blobs", info.Id.Hex[..2], info.Id.Hex[2..]), path);
        Assert.Equal("file body"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Empty(System.IO.Directory.EnumerateFiles(Path.Combine(folder, "blobs", "tmp")));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "mailbox.db")}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
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
        var bytes = "restored"u8.ToArray();
        var info = await Store.Blobs.PutAsync(new MemoryStream(bytes));
        File.Delete(((SqliteMailboxStore)Store).BlobPath(info.Id));

        await Store.Blobs.PutAsync(new MemoryStream(bytes));

        Assert.Equal(bytes, await File.ReadAllBytesAsync(((SqliteMailboxStore)Store).BlobPath(info.Id)));
    }
}

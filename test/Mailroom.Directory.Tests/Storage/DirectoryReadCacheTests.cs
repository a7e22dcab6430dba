using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Directory.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Mailroom.Directory.Tests.Storage;

public sealed class DirectoryReadCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-11-28T10:00:00Z"));
    private TestOrganization org = null!;
    private DirectoryReadCache<string, string?> cache = null!;
    private int reads;

    public async Task InitializeAsync()
    {
        org = await TestOrganization.CreateAsync();
        cache = new DirectoryReadCache<string, string?>(org.Store, clock);
        await org.NewMailboxAsync("Alice");
    }

    public async Task DisposeAsync() => await org.DisposeAsync();

    private Task<string?> DisplayNameAsync() => cache.GetAsync("alice", async (alias, ct) =>
    {
        Interlocked.Increment(ref reads);
        return (await org.Store.ReadAsync(async r => await r.FindByKeyAsync(DirectoryKey.Alias(alias), ct) is { } id ? await r.GetAsync(id, ct) : null, ct) as Mailbox)?.DisplayName;
    }, default);

    [Fact]
    public async Task AnswersFromMemoryUntilTheDirectoryChanges()
    {
        Assert.Equal("Alice", await DisplayNameAsync());
        Assert.Equal("Alice", await DisplayNameAsync());
        Assert.Equal(1, reads);

        await org.RunAsync("Set-Mailbox", new { Identity = "Alice", DisplayName = "Alice Smith" });

        Assert.Equal("Alice Smith", await DisplayNameAsync());
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task ReadsAgainOnceAnEntryIsOlderThanItsLifetime()
    {
        await DisplayNameAsync();
        clock.Advance(DirectoryReadCache<string, string?>.DefaultLifetime - TimeSpan.FromSeconds(1));
        await DisplayNameAsync();
        Assert.Equal(1, reads);

        clock.Advance(TimeSpan.FromSeconds(2));
        await DisplayNameAsync();
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task AChangeHeardOfFromElsewhereAlsoInvalidates()
    {
        await DisplayNameAsync();
        org.Store.NoteChange();
        await DisplayNameAsync();
        Assert.Equal(2, reads);
    }
}

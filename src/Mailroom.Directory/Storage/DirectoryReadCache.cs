using System.Collections.Concurrent;

namespace Mailroom.Directory.Storage;

/// <summary>
/// Remembers what was read from the directory for hot paths (a recipient looked up at every RCPT and every delivery),
/// the way Exchange's transport keeps a recipient cache. An entry is used only while the store's
/// <see cref="IDirectoryStore.ChangeGeneration"/> is the one it was read at, so a change made through this node is
/// seen by the very next lookup; and only for <see cref="DefaultLifetime"/>, which bounds how long a change made by
/// another node of an array can go unseen.
/// </summary>
public sealed class DirectoryReadCache<TKey, TValue>(IDirectoryStore store, TimeProvider? time = null, TimeSpan? lifetime = null, int capacity = 50_000)
    where TKey : notnull
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly TimeSpan maxAge = lifetime ?? DefaultLifetime;

    public async Task<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        // The generation is taken before reading: a change committed meanwhile leaves the entry already stale.
        var generation = store.ChangeGeneration;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.ReadAt + maxAge > now)
        {
            return entry.Value;
        }

        var value = await read(key, cancellationToken);
        if (entries.Count >= capacity)
        {
            entries.Clear(); // crude, but bounded; a full cache only costs re-reads
        }

        entries[key] = new Entry(value, generation, now);
        return value;
    }

    private sealed record Entry(TValue Value, long Generation, DateTimeOffset ReadAt);
}

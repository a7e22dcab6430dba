using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.ClientAccess.Rules;

/// <summary>
/// This node's copy of the rule set. A change written through this node moves the store's
/// <see cref="IDirectoryStore.ChangeGeneration"/>, so the next check reads the rules again at once; a change written
/// by another node of an array is seen when the copy is <see cref="Lifetime"/> old (5 s), well within the 10 s the
/// issue allows. Reading fails loudly (the caller fails closed); it never returns a partial set.
/// </summary>
public sealed class ClientAccessRuleCache(IDirectoryStore store, TimeProvider? time = null, TimeSpan? lifetime = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly DirectoryReadCache<int, ClientAccessRuleSet> cache = new(store, time, lifetime ?? Lifetime, capacity: 4);

    public Task<ClientAccessRuleSet> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(0, (_, ct) => ReadAsync(store, ct), cancellationToken);

    /// <summary>Reads and compiles the rules as <paramref name="reader"/> sees them (a transaction sees its own changes).</summary>
    public static async Task<ClientAccessRuleSet> ReadAsync(IDirectoryReader reader, CancellationToken cancellationToken)
    {
        var rules = new List<ClientAccessRule>();
        await foreach (var rule in reader.ListAsync<ClientAccessRule>(cancellationToken))
        {
            rules.Add(rule);
        }

        return ClientAccessRuleSet.Create(rules);
    }

    private static Task<ClientAccessRuleSet> ReadAsync(IDirectoryStore store, CancellationToken cancellationToken) =>
        store.ReadAsync(reader => ReadAsync(reader, cancellationToken), cancellationToken);
}

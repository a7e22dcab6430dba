using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Server.Smtp;

/// <summary>
/// This server's receive connectors, re-read from the directory at most every few seconds: a connection must not
/// cost a directory query, and a connector change should still apply to new sessions quickly. A change of the
/// directory's generation (a local write, or one another node made, heard through the array link) re-reads at once.
/// </summary>
public sealed class ReceiveConnectorCache(IDirectoryStore directory, string server, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private (IReadOnlyList<ReceiveConnector> Connectors, DateTimeOffset ReadAt, long Generation)? current;

    public async Task<IReadOnlyList<ReceiveConnector>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        var generation = directory.ChangeGeneration;
        if (snapshot is { } s && s.Generation == generation && time.GetUtcNow() - s.ReadAt < MaxAge)
        {
            return s.Connectors;
        }

        var connectors = await directory.ReadAsync(async reader =>
            (IReadOnlyList<ReceiveConnector>)await reader.ListAsync<ReceiveConnector>(cancellationToken)
                .Where(c => c.Server.Equals(server, StringComparison.OrdinalIgnoreCase)).ToListAsync(cancellationToken), cancellationToken);
        current = (connectors, time.GetUtcNow(), generation);
        return connectors;
    }

    public async Task<ReceiveConnector?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

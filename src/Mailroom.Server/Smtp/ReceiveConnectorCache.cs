using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;

namespace Mailroom.Server.Smtp;

/// <summary>
/// This server's receive connectors, re-read from the directory at most every few seconds: a connection must not
/// cost a directory query, and a connector change should still apply to new sessions quickly.
/// </summary>
public sealed class ReceiveConnectorCache(IDirectoryStore directory, string server, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private (IReadOnlyList<ReceiveConnector> Connectors, DateTimeOffset ReadAt)? current;

    public async Task<IReadOnlyList<ReceiveConnector>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is { } s && time.GetUtcNow() - s.ReadAt < MaxAge)
        {
            return s.Connectors;
        }

        var connectors = await directory.ReadAsync(async reader =>
            (IReadOnlyList<ReceiveConnector>)await reader.ListAsync<ReceiveConnector>(cancellationToken)
                .Where(c => c.Server.Equals(server, StringComparison.OrdinalIgnoreCase)).ToListAsync(cancellationToken), cancellationToken);
        current = (connectors, time.GetUtcNow());
        return connectors;
    }

    public async Task<ReceiveConnector?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

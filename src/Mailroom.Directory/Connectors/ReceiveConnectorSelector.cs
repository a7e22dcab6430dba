using System.Net;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// Which receive connector serves a connection, as Exchange chooses (exchange.md §8.1): among the enabled connectors
/// of the server, those with a binding the connection arrived on and a remote IP range that holds the client; a binding
/// to the exact local address beats one to <c>0.0.0.0</c>/<c>[::]</c>, then the smallest remote range wins (a single
/// address beats a /24, which beats everything). No match means the server doesn't talk to that client on that port.
/// </summary>
public static class ReceiveConnectorSelector
{
    public static ReceiveConnector? Select(IEnumerable<ReceiveConnector> connectorsOfThisServer, IPEndPoint local, IPEndPoint remote)
    {
        var remoteAddress = IPAddresses.Normalize(remote.Address);
        ReceiveConnector? best = null;
        (bool ExactBinding, UInt128 Span) bestRank = default;
        foreach (var connector in connectorsOfThisServer)
        {
            if (!connector.Enabled || Rank(connector, local, remoteAddress) is not { } rank)
            {
                continue;
            }

            if (best is null || Better(rank, bestRank)
                || (rank == bestRank && string.CompareOrdinal(connector.Name, best.Name) < 0))
            {
                // Validation keeps two connectors of a server from sharing a binding and a range; the name only makes
                // the choice stable if overlapping ranges of equal size ever tie.
                (best, bestRank) = (connector, rank);
            }
        }

        return best;
    }

    private static (bool ExactBinding, UInt128 Span)? Rank(ReceiveConnector connector, IPEndPoint local, IPAddress remote)
    {
        var bindings = connector.Bindings.Where(b => b.Matches(local)).ToList();
        var ranges = connector.RemoteIPRanges.Where(r => r.Contains(remote)).ToList();
        if (bindings.Count == 0 || ranges.Count == 0)
        {
            return null;
        }

        return (bindings.Any(b => !b.IsWildcard), ranges.Min(r => r.Span));
    }

    private static bool Better((bool ExactBinding, UInt128 Span) candidate, (bool ExactBinding, UInt128 Span) current) =>
        candidate.ExactBinding != current.ExactBinding ? candidate.ExactBinding : candidate.Span < current.Span;
}

using Mailroom.Directory.Model;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// Which send connector carries mail for a recipient domain from a server, as Exchange routes (exchange.md §8.2):
/// among the enabled connectors the server is a source of, the one whose address space matches the domain most
/// specifically (the longest domain, an exact domain before its <c>*.</c> wildcard, <c>*</c> last), then the lowest
/// cost. Exchange would then prefer the nearest site; Mailroom's servers are all equally near, so the connector's
/// name breaks a remaining tie, to keep the choice stable.
/// </summary>
public static class SendConnectorRouter
{
    public static SendConnector? Select(IEnumerable<SendConnector> connectors, string recipientDomain, string localServer)
    {
        var domain = recipientDomain.Trim().TrimEnd('.');
        SendConnector? best = null;
        (int Specificity, int Cost) bestRank = default;
        foreach (var connector in connectors)
        {
            if (!connector.Enabled || !connector.SourceTransportServers.Contains(localServer, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var spaces = connector.AddressSpaces.Where(s => s.Matches(domain)).ToList();
            if (spaces.Count == 0)
            {
                continue;
            }

            var top = spaces.Max(s => s.Specificity);
            var rank = (top, spaces.Where(s => s.Specificity == top).Min(s => s.Cost));
            if (best is null || Better(rank, bestRank) || (rank == bestRank && string.CompareOrdinal(connector.Name, best.Name) < 0))
            {
                (best, bestRank) = (connector, rank);
            }
        }

        return best;
    }

    private static bool Better((int Specificity, int Cost) candidate, (int Specificity, int Cost) current) =>
        candidate.Specificity != current.Specificity ? candidate.Specificity > current.Specificity : candidate.Cost < current.Cost;
}

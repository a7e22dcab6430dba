using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.ClientAccessRules;

namespace Mailroom.ClientAccess.Rules;

/// <summary>
/// Re-checks the logged-in sessions of the registry against the current rules and protocol switches and ends the
/// ones now denied, so a rule change reaches open POP3 (and other registered) sessions within one check interval.
/// </summary>
public sealed class ClientAccessSessionCheck(ClientSessionRegistry registry, ClientAccessPolicy policy)
{
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var denied = new List<ClientSessionInfo>();
        foreach (var session in registry.Sessions())
        {
            var remote = session.RemoteAddress is { } a ? new System.Net.IPEndPoint(a, 0) : null;
            var decision = await policy.CheckUserAsync(session.Protocol, remote, ClientAccessAuthenticationTypes.Basic, session.MailboxId, cancellationToken).ConfigureAwait(false);
            if (decision.IsDenied && !ReferenceEquals(decision, ClientAccessDecision.RulesUnavailable))
            {
                denied.Add(session);
            }
        }

        return denied.Count == 0 ? 0 : registry.EndSessions(denied, ClientSessionEndReason.AccessDenied);
    }
}

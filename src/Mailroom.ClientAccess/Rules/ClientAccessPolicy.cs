using System.Net;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Microsoft.Extensions.Logging;

namespace Mailroom.ClientAccess.Rules;

/// <summary>
/// The one place every protocol asks whether a client may proceed. Two phases: <see cref="CheckConnectionAsync"/>
/// when the connection opens (only rules that need nothing but the address and protocol can decide, so a denied
/// network never reaches a login prompt), and <see cref="CheckUserAsync"/> once the user has authenticated (all
/// rules, and the mailbox's protocol switch). Neither throws: a failure to read the rules lets the connection reach
/// the login and then denies the login (fail closed), and says why in the log. Every denial is logged and counted
/// with the rule's name; the client is told nothing about the rule.
/// </summary>
public sealed partial class ClientAccessPolicy(
    ClientAccessRuleCache rules, IDirectoryStore directory, ClientAccessOptions options, ClientAccessTelemetry telemetry,
    ILogger<ClientAccessPolicy> logger, TimeProvider? time = null)
{
    private readonly DirectoryReadCache<Guid, Mailbox?> mailboxes = new(directory, time);

    public bool RulesDisabled => options.DisableRules;

    /// <summary>The first phase: before any login. Denied only by a rule that needs nothing but address and protocol.</summary>
    public async ValueTask<ClientAccessDecision> CheckConnectionAsync(string protocol, IPEndPoint? remote, CancellationToken cancellationToken)
    {
        if (options.DisableRules)
        {
            return ClientAccessDecision.Undecided;
        }

        try
        {
            var set = await rules.GetAsync(cancellationToken).ConfigureAwait(false);
            var decision = set.Evaluate(new ClientAccessRequest(protocol, remote?.Address, remote?.Port ?? 0));
            if (decision.IsDenied)
            {
                Deny(decision, protocol, remote, null, "connect");
            }

            return decision;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The login that follows will be denied (fail closed); refusing here too would hide the reason behind a
            // refused connection, so the connection proceeds to the login.
            RulesUnreadable(logger, protocol, ex);
            return ClientAccessDecision.Undecided;
        }
    }

    /// <summary>The second phase: the user is known (after login, and again at each command of an open session).</summary>
    public async ValueTask<ClientAccessDecision> CheckUserAsync(string protocol, IPEndPoint? remote, string authenticationType, Guid mailboxId, CancellationToken cancellationToken)
    {
        try
        {
            var mailbox = await mailboxes.GetAsync(mailboxId, ReadMailboxAsync, cancellationToken).ConfigureAwait(false);
            if (mailbox is null)
            {
                return Deny(ClientAccessDecision.DeniedBecause("mailbox not found"), protocol, remote, mailboxId.ToString(), "login");
            }

            if (ProtocolSwitches.Disabled(mailbox, protocol) is { } off)
            {
                return Deny(ClientAccessDecision.DeniedBecause(off + " is $false"), protocol, remote, mailbox.UserPrincipalName, "login");
            }

            if (options.DisableRules)
            {
                return ClientAccessDecision.NoRuleMatched;
            }

            var set = await rules.GetAsync(cancellationToken).ConfigureAwait(false);
            var decision = set.Evaluate(new ClientAccessRequest(protocol, remote?.Address, remote?.Port ?? 0, authenticationType, ClientAccessUser.Of(mailbox)));
            return decision.IsDenied ? Deny(decision, protocol, remote, mailbox.UserPrincipalName, "login") : decision;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            RulesUnreadable(logger, protocol, ex);
            return Deny(ClientAccessDecision.RulesUnavailable, protocol, remote, mailboxId.ToString(), "login");
        }
    }

    private Task<Mailbox?> ReadMailboxAsync(Guid id, CancellationToken cancellationToken) =>
        directory.ReadAsync(async r => await r.GetAsync(id, cancellationToken).ConfigureAwait(false) as Mailbox, cancellationToken);

    private ClientAccessDecision Deny(ClientAccessDecision decision, string protocol, IPEndPoint? remote, string? user, string phase)
    {
        telemetry.RecordDenied(decision, protocol, phase);
        AccessDenied(logger, protocol, remote?.Address, user ?? "(not signed in)", decision.RuleName ?? "(none)", decision.Reason ?? string.Empty, phase);
        return decision;
    }

    [LoggerMessage(3710, LogLevel.Information, "Client access denied: {Protocol} from {Address} for {User} by rule {Rule} ({Reason}) at {Phase}")]
    private static partial void AccessDenied(ILogger logger, string protocol, IPAddress? address, string user, string rule, string reason, string phase);

    [LoggerMessage(3711, LogLevel.Error, "Client access rules could not be read for a {Protocol} client; logins are denied until they can (fail closed)")]
    private static partial void RulesUnreadable(ILogger logger, string protocol, Exception exception);
}

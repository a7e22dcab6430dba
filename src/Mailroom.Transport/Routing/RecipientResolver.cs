using Mailroom.Addressing;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Sizes;

namespace Mailroom.Transport.Routing;

/// <summary>
/// Resolves a recipient the way Exchange's receive side does (reference §1.5): an Authoritative domain's recipient
/// must exist; an InternalRelay domain's recipient is local if one exists, else relayed; an ExternalRelay domain is
/// always relayed; any other domain is relay, which only sessions with the relay right may use. Addresses match
/// every proxy address of every recipient, case-insensitively.
/// </summary>
public sealed class RecipientResolver(IDirectoryStore directory, TimeProvider? time = null)
{
    private readonly DirectoryReadCache<string, RecipientResolution> resolved = new(directory, time);

    public Task<RecipientResolution> ResolveAsync(SmtpAddress address, CancellationToken cancellationToken = default) =>
        resolved.GetAsync(address.ToString().ToLowerInvariant(), (_, ct) => ReadAsync(address, ct), cancellationToken);

    private Task<RecipientResolution> ReadAsync(SmtpAddress address, CancellationToken cancellationToken) =>
        directory.ReadAsync<RecipientResolution>(async reader =>
        {
            var domain = await AcceptedDomainForAsync(reader, address.Domain, cancellationToken);
            if (domain is null)
            {
                return new RecipientResolution.Relay(address.Domain, AcceptedDomain: false);
            }

            if (domain.DomainType != AcceptedDomainType.ExternalRelay &&
                await reader.FindByKeyAsync(DirectoryKey.SmtpAddress(address.ToString()), cancellationToken) is { } id &&
                await reader.GetAsync(id, cancellationToken) is Mailbox mailbox)
            {
                return new RecipientResolution.LocalMailbox(mailbox.Guid, mailbox.PrimarySmtpAddress, mailbox.Database, await EffectiveQuotaAsync(reader, mailbox, cancellationToken));
            }

            return domain.DomainType == AcceptedDomainType.Authoritative
                ? new RecipientResolution.Unknown(address.ToString())
                : new RecipientResolution.Relay(address.Domain, AcceptedDomain: true);
        }, cancellationToken);

    /// <summary>The accepted domain that covers <paramref name="domain"/>: the exact one first, then the longest wildcard or MatchSubDomains parent.</summary>
    public static async Task<AcceptedDomain?> AcceptedDomainForAsync(IDirectoryReader reader, string domain, CancellationToken cancellationToken)
    {
        AcceptedDomain? best = null;
        var bestScore = -1;
        await foreach (var accepted in reader.ListAsync<AcceptedDomain>(cancellationToken))
        {
            var parsed = SmtpDomain.Parse(accepted.DomainName);
            var exact = string.Equals(parsed.Domain, domain, StringComparison.OrdinalIgnoreCase);
            var sub = domain.EndsWith("." + parsed.Domain, StringComparison.OrdinalIgnoreCase) && (parsed.IncludeSubdomains || accepted.MatchSubDomains);
            var score = exact ? int.MaxValue : sub ? parsed.Domain.Length : -1;
            if (score > bestScore)
            {
                (best, bestScore) = (accepted, score);
            }
        }

        return best;
    }

    /// <summary>The mailbox's send/receive limit.</summary>
    public static async Task<QuotaSize> EffectiveQuotaAsync(IDirectoryReader reader, Mailbox mailbox, CancellationToken cancellationToken) =>
        (await EffectiveQuotasAsync(reader, mailbox, cancellationToken)).ProhibitSendReceive;

    /// <summary>The mailbox's own limits, or its database's while UseDatabaseQuotaDefaults is on (Exchange's rule).</summary>
    public static async Task<EffectiveQuotas> EffectiveQuotasAsync(IDirectoryReader reader, Mailbox mailbox, CancellationToken cancellationToken)
    {
        if (!mailbox.UseDatabaseQuotaDefaults)
        {
            return new(mailbox.IssueWarningQuota, mailbox.ProhibitSendQuota, mailbox.ProhibitSendReceiveQuota);
        }

        return await reader.FindByKeyAsync(DirectoryKey.Name(MailboxDatabase.Class, mailbox.Database), cancellationToken) is { } id &&
               await reader.GetAsync(id, cancellationToken) is MailboxDatabase database
            ? new(database.IssueWarningQuota, database.ProhibitSendQuota, database.ProhibitSendReceiveQuota)
            : new(QuotaSize.Unlimited, QuotaSize.Unlimited, QuotaSize.Unlimited);
    }
}

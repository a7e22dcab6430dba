using Mailroom.Addressing;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.OPath;

namespace Mailroom.Directory.Policies;

/// <summary>
/// Decides which policy stamps a recipient (the first match in priority order; the default policy matches all
/// that are left) and applies it the additive way Exchange does: the generated <c>SMTP:</c> address becomes
/// primary, the old primary stays as a proxy, no address is ever removed. Collisions with another recipient get
/// a deterministic numeric suffix (alice2, alice3, …).
/// </summary>
public sealed class EmailAddressPolicyEngine
{
    private const int MaxSuffix = 9999;

    private readonly List<(EmailAddressPolicy Policy, OPathFilter Filter)> ordered;

    private EmailAddressPolicyEngine(List<(EmailAddressPolicy, OPathFilter)> ordered) => this.ordered = ordered;

    public IEnumerable<EmailAddressPolicy> Policies => ordered.Select(p => p.Policy);

    public static async Task<EmailAddressPolicyEngine> LoadAsync(IDirectoryReader reader, CancellationToken cancellationToken)
    {
        var policies = new List<EmailAddressPolicy>();
        await foreach (var p in reader.ListAsync<EmailAddressPolicy>(cancellationToken))
        {
            policies.Add(p);
        }

        return new EmailAddressPolicyEngine(policies
            .OrderBy(p => p.Priority.Value)
            .Select(p => (p, OPathFilter.Parse(FilterText(p), RecipientFilterSchema.Schema)))
            .ToList());
    }

    public static string FilterText(EmailAddressPolicy policy) =>
        policy.RecipientFilter.Length > 0 ? policy.RecipientFilter : EmailAddressPolicy.DefaultRecipientFilter;

    /// <summary>The policy that stamps <paramref name="mailbox"/>: the first whose container and filter match.</summary>
    public EmailAddressPolicy? PolicyFor(Mailbox mailbox)
    {
        var record = RecipientFilterSchema.Record(mailbox);
        foreach (var (policy, filter) in ordered)
        {
            if (InContainer(mailbox, policy) && filter.Evaluate(record))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>Applies the policy that stamps the mailbox, if it has policy management on. Returns that policy.</summary>
    public async Task<EmailAddressPolicy?> ApplyAsync(
        IDirectoryReader reader, Mailbox mailbox, bool updateSecondaryAddressesOnly, CancellationToken cancellationToken)
    {
        if (!mailbox.EmailAddressPolicyEnabled || PolicyFor(mailbox) is not { } policy)
        {
            return null;
        }

        var names = new RecipientNames(mailbox.FirstName, mailbox.LastName, mailbox.Initials, mailbox.DisplayName, mailbox.Alias);
        var addresses = mailbox.ProxyAddresses().ToList();
        foreach (var template in AddressTemplate.ParseList(policy.EnabledEmailAddressTemplates).Where(t => t.IsSmtp))
        {
            var local = LocalPartTemplate.Expand(template.LocalPartFormat!, names);
            if (local.Length == 0)
            {
                local = LocalPartTemplate.Expand("%m", names);
            }

            var address = await FreeAddressAsync(reader, mailbox, local, template.Domain!, addresses, cancellationToken);
            var generated = new ProxyAddress("smtp", address);
            var primary = template.IsPrimary && !updateSecondaryAddressesOnly;
            var existing = addresses.FindIndex(a => a.SameAddress(generated));
            if (primary)
            {
                addresses = addresses.Select(a => a.AsSecondary()).ToList();
            }

            if (existing >= 0)
            {
                addresses[existing] = primary ? addresses[existing].AsPrimary() : addresses[existing];
            }
            else
            {
                addresses.Add(primary ? generated.AsPrimary() : generated);
            }
        }

        RecipientAddresses.Assign(mailbox, addresses);
        return policy;
    }

    private static bool InContainer(Mailbox mailbox, EmailAddressPolicy policy) =>
        policy.RecipientContainer.Length == 0 ||
        mailbox.DistinguishedName.Equals(policy.RecipientContainer, StringComparison.OrdinalIgnoreCase) ||
        mailbox.DistinguishedName.EndsWith("," + policy.RecipientContainer, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address itself if free (or already this mailbox's), else the first free numbered variant.</summary>
    private static async Task<string> FreeAddressAsync(
        IDirectoryReader reader, Mailbox mailbox, string local, string domain, List<ProxyAddress> own, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxSuffix; n++)
        {
            var suffix = n == 1 ? string.Empty : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidateLocal = local[..Math.Min(local.Length, 64 - suffix.Length)].TrimEnd('.') + suffix;
            var candidate = candidateLocal + "@" + domain;
            if (own.Any(a => a.IsSmtp && a.Address.Equals(candidate, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }

            // The UPN follows the primary address, so another user's sign-in name is taken too.
            if (await IsFreeAsync(reader, DirectoryKey.SmtpAddress(candidate), mailbox.Guid, cancellationToken) &&
                await IsFreeAsync(reader, DirectoryKey.UserPrincipalName(candidate), mailbox.Guid, cancellationToken))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free address for {local}@{domain} after {MaxSuffix} attempts.");
    }

    private static async Task<bool> IsFreeAsync(IDirectoryReader reader, string key, Guid self, CancellationToken cancellationToken) =>
        await reader.FindByKeyAsync(key, cancellationToken) is not { } holder || holder == self;
}

using Mailroom.Addressing;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Commands.AcceptedDomains;

/// <summary>Rules that tie accepted domains to the email address policies that use them.</summary>
public static class AcceptedDomainRules
{
    public static AcceptedDomainType ParseType(string? text) =>
        Enum.TryParse<AcceptedDomainType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type)
            ? type
            : throw ManagementErrors.InvalidArgument(
                $"Cannot process argument transformation on parameter 'DomainType'. \"{text}\" isn't valid; use Authoritative, InternalRelay or ExternalRelay.", text);

    /// <summary>True when a template domain falls in the accepted domain (its root, for a <c>*.</c> domain).</summary>
    public static bool Covers(AcceptedDomain domain, string templateDomain) =>
        SmtpDomain.Parse(domain.DomainName).Matches(templateDomain);

    /// <summary>The most specific accepted domain wins: an exact domain over a wildcard, then the longer root.</summary>
    private static int Specificity(AcceptedDomain domain)
    {
        var parsed = SmtpDomain.Parse(domain.DomainName);
        return parsed.Domain.Length * 2 + (parsed.IncludeSubdomains ? 0 : 1);
    }

    /// <summary>The policies whose enabled or disabled templates use the domain; these block its removal.</summary>
    public static async Task<List<EmailAddressPolicy>> PoliciesUsingAsync(CommandContext context, AcceptedDomain domain, CancellationToken cancellationToken)
    {
        var users = new List<EmailAddressPolicy>();
        await foreach (var policy in context.Reader.ListAsync<EmailAddressPolicy>(cancellationToken))
        {
            var templates = AddressTemplate.ParseList(policy.EnabledEmailAddressTemplates.Concat(policy.DisabledEmailAddressTemplates), requirePrimary: false);
            if (templates.Any(t => t.Domain is { } d && Covers(domain, d)))
            {
                users.Add(policy);
            }
        }

        return users;
    }

    /// <summary>
    /// A template may only use an Authoritative or InternalRelay accepted domain: mail for it must end up here.
    /// Returns the matching accepted domain or throws Exchange's refusal.
    /// </summary>
    public static async Task EnsureTemplateDomainAsync(CommandContext context, string templateDomain, CancellationToken cancellationToken)
    {
        AcceptedDomain? best = null;
        await foreach (var domain in context.Reader.ListAsync<AcceptedDomain>(cancellationToken))
        {
            if (Covers(domain, templateDomain) && (best is null || Specificity(domain) > Specificity(best)))
            {
                best = domain;
            }
        }

        if (best is null)
        {
            throw ManagementErrors.InvalidArgument(
                $"The domain \"{templateDomain}\" in the email address template isn't an accepted domain for your organization. Add it with New-AcceptedDomain first.", templateDomain);
        }

        if (best.DomainType == AcceptedDomainType.ExternalRelay)
        {
            throw ManagementErrors.InvalidArgument(
                $"The domain \"{templateDomain}\" is the ExternalRelay accepted domain \"{best.Name}\"; email address templates may only use Authoritative or InternalRelay domains.", templateDomain);
        }
    }
}

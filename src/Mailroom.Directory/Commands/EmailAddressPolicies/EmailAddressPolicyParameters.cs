using Mailroom.Directory.Commands.AcceptedDomains;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;
using Mailroom.OPath;

namespace Mailroom.Directory.Commands.EmailAddressPolicies;

/// <summary>The settable parameters New- and Set-EmailAddressPolicy share, and how they change a policy.</summary>
public static class EmailAddressPolicyParameters
{
    private static readonly string[] Conditionals =
        ["ConditionalCompany", "ConditionalDepartment", "ConditionalStateOrProvince", .. Enumerable.Range(1, 15).Select(i => $"ConditionalCustomAttribute{i}")];

    public static readonly string[] Names =
    [
        "EnabledEmailAddressTemplates", "EnabledPrimarySMTPAddressTemplate", "DisabledEmailAddressTemplates",
        "IncludedRecipients", "RecipientFilter", "RecipientContainer", "Priority", .. Conditionals,
    ];

    public static async Task ApplyAsync(CommandContext context, EmailAddressPolicy policy, CommandParameters p, CancellationToken cancellationToken)
    {
        await ApplyTemplatesAsync(context, policy, p, cancellationToken);
        ApplyFilter(context, policy, p);
        if (p.String("RecipientContainer") is { } container)
        {
            policy.RecipientContainer = RecipientContainerOf(context, container);
        }
    }

    private static async Task ApplyTemplatesAsync(CommandContext context, EmailAddressPolicy policy, CommandParameters p, CancellationToken cancellationToken)
    {
        if (p.Has("EnabledEmailAddressTemplates") && p.Has("EnabledPrimarySMTPAddressTemplate"))
        {
            throw ManagementErrors.InvalidArgument("EnabledEmailAddressTemplates and EnabledPrimarySMTPAddressTemplate can't be used together.");
        }

        if (p.String("EnabledPrimarySMTPAddressTemplate") is { } primary)
        {
            policy.EnabledEmailAddressTemplates = [.. Validated(["SMTP:" + StripSmtpPrefix(primary)], requirePrimary: true)];
        }
        else if (p.Multi("EnabledEmailAddressTemplates") is { } enabled)
        {
            policy.EnabledEmailAddressTemplates = [.. Validated(enabled.ApplyTo(policy.EnabledEmailAddressTemplates, StringComparer.Ordinal), requirePrimary: true)];
        }

        if (p.Multi("DisabledEmailAddressTemplates") is { } disabled)
        {
            var list = Validated(disabled.ApplyTo(policy.DisabledEmailAddressTemplates, StringComparer.Ordinal), requirePrimary: false, primaryDefault: false);
            policy.DisabledEmailAddressTemplates = list.Any(t => t.StartsWith("SMTP:", StringComparison.Ordinal))
                ? throw ManagementErrors.InvalidArgument("DisabledEmailAddressTemplates can't contain a primary SMTP template (SMTP:).")
                : [.. list];
        }

        if (policy.EnabledEmailAddressTemplates.Count == 0)
        {
            throw ManagementErrors.InvalidArgument("Specify EnabledEmailAddressTemplates or EnabledPrimarySMTPAddressTemplate.");
        }

        foreach (var template in AddressTemplate.ParseList(policy.EnabledEmailAddressTemplates.Concat(policy.DisabledEmailAddressTemplates), requirePrimary: false))
        {
            if (template.Domain is { } domain)
            {
                await AcceptedDomainRules.EnsureTemplateDomainAsync(context, domain, cancellationToken);
            }
        }
    }

    private static void ApplyFilter(CommandContext context, EmailAddressPolicy policy, CommandParameters p)
    {
        var conditionalGiven = Conditionals.Any(p.Has);
        if (p.Has("RecipientFilter") && (p.Has("IncludedRecipients") || conditionalGiven))
        {
            throw ManagementErrors.InvalidArgument("RecipientFilter can't be used together with IncludedRecipients or the Conditional parameters: a policy has either a custom or a precanned filter.");
        }

        if (policy.IsDefault && (p.Has("RecipientFilter") || p.Has("IncludedRecipients") || conditionalGiven || p.Has("RecipientContainer")))
        {
            throw ManagementErrors.InvalidOperation("The recipient filter of the default email address policy can't be changed; it applies to every recipient no other policy claims.", policy.Name);
        }

        if (p.String("RecipientFilter") is { } filter)
        {
            policy.RecipientFilter = ParseFilter(filter).Text;
            policy.RecipientFilterType = "Custom";
            policy.IncludedRecipients = null;
            Array.ForEach(policy.ConditionalCustomAttributes, l => l.Clear());
            policy.ConditionalCompany.Clear();
            policy.ConditionalDepartment.Clear();
            policy.ConditionalStateOrProvince.Clear();
            return;
        }

        if (!p.Has("IncludedRecipients") && !conditionalGiven)
        {
            return;
        }

        if (p.Multi("IncludedRecipients") is { } included)
        {
            policy.IncludedRecipients = Format(() => PrecannedFilter.Normalize(included.ApplyTo(SplitIncluded(policy.IncludedRecipients))));
        }
        else if (policy.IncludedRecipients is null)
        {
            throw ManagementErrors.InvalidArgument("The Conditional parameters need IncludedRecipients, for example -IncludedRecipients MailboxUsers.");
        }

        Edit(p, "ConditionalCompany", policy.ConditionalCompany);
        Edit(p, "ConditionalDepartment", policy.ConditionalDepartment);
        Edit(p, "ConditionalStateOrProvince", policy.ConditionalStateOrProvince);
        for (var i = 0; i < 15; i++)
        {
            Edit(p, $"ConditionalCustomAttribute{i + 1}", policy.ConditionalCustomAttributes[i]);
        }

        policy.RecipientFilterType = "Precanned";
        policy.RecipientFilter = PrecannedFilter.ToOPath(policy);
    }

    public static OPathFilter ParseFilter(string filter)
    {
        try
        {
            return OPathFilter.Parse(filter, RecipientFilterSchema.Schema);
        }
        catch (OPathParseException ex)
        {
            throw new ManagementException("InvalidFilter", "InvalidArgument", ex.Message, filter);
        }
    }

    /// <summary>Accepts the domain or the Users container as a DN or a canonical name, and stores the DN.</summary>
    public static string RecipientContainerOf(CommandContext context, string container)
    {
        var names = context.Names;
        var trimmed = container.Trim().TrimEnd('/');
        if (trimmed.Equals(names.DomainDN, StringComparison.OrdinalIgnoreCase) || trimmed.Equals(names.RootDomain, StringComparison.OrdinalIgnoreCase))
        {
            return names.DomainDN;
        }

        if (trimmed.Equals(names.UsersContainerDN, StringComparison.OrdinalIgnoreCase) || trimmed.Equals(names.RootDomain + "/Users", StringComparison.OrdinalIgnoreCase))
        {
            return names.UsersContainerDN;
        }

        throw ManagementErrors.NotFound(container, context.ServerFqdn);
    }

    private static List<string> Validated(IEnumerable<string> templates, bool requirePrimary, bool primaryDefault = true) =>
        Format(() => AddressTemplate.ParseList(
            primaryDefault ? templates : templates.Select(t => t.Contains(':') ? t : "smtp:" + t), requirePrimary)
            .Select(t => t.ToString()).ToList());

    private static string StripSmtpPrefix(string template) =>
        template.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? template[5..] : template;

    private static IEnumerable<string> SplitIncluded(string? included) =>
        included?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static void Edit(CommandParameters p, string name, List<string> target)
    {
        if (p.Multi(name) is { } update)
        {
            var values = update.ApplyTo(target);
            target.Clear();
            target.AddRange(values);
        }
    }

    private static T Format<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw ManagementErrors.InvalidArgument(ex.Message);
        }
    }
}

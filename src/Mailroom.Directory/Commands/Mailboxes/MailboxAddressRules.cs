using Mailroom.Addressing;
using Mailroom.Directory.Commands.AcceptedDomains;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>Manual address changes (EmailAddresses, PrimarySmtpAddress) and policy application for mailboxes.</summary>
public static class MailboxAddressRules
{
    public static async Task ApplyEditsAsync(CommandContext context, Mailbox mailbox, CommandParameters p, CancellationToken cancellationToken)
    {
        if (p.Has("EmailAddresses") && p.Has("PrimarySmtpAddress"))
        {
            throw ManagementErrors.InvalidArgument("EmailAddresses and PrimarySmtpAddress can't be used in the same command.");
        }

        if (p.Multi("EmailAddresses") is { } update)
        {
            var addresses = Format(() => update.Replacement is { } all ? RecipientAddresses.Parse(all) : Edit(mailbox, update));
            await EnsureDomainsAsync(context, addresses, cancellationToken);
            Format(() => RecipientAddresses.Assign(mailbox, addresses));
        }

        if (p.String("PrimarySmtpAddress") is { } primaryText)
        {
            if (mailbox.EmailAddressPolicyEnabled && p.Bool("EmailAddressPolicyEnabled") != false)
            {
                throw ManagementErrors.InvalidOperation(
                    "The primary SMTP address can't be changed because this mailbox is configured to use email address policies. Set EmailAddressPolicyEnabled to $false to set the primary address by hand.",
                    mailbox.Identity);
            }

            await SetPrimaryAsync(context, mailbox, primaryText, cancellationToken);
        }
    }

    public static async Task SetPrimaryAsync(CommandContext context, Mailbox mailbox, string primaryText, CancellationToken cancellationToken)
    {
        if (!SmtpAddress.TryParse(primaryText, out var primary))
        {
            throw ManagementErrors.InvalidArgument($"\"{primaryText}\" isn't a valid SMTP address.", primaryText);
        }

        var addresses = mailbox.ProxyAddresses().Select(a => a.AsSecondary()).Where(a => !a.SameAddress(new ProxyAddress("smtp", primary!.ToString()))).ToList();
        addresses.Insert(0, new ProxyAddress("SMTP", primary!.ToString()));
        await EnsureDomainsAsync(context, addresses, cancellationToken);
        Format(() => RecipientAddresses.Assign(mailbox, addresses));
    }

    /// <summary>Re-applies the stamping policy (when policy management is on) and checks a primary exists.</summary>
    public static async Task ApplyPolicyAsync(CommandContext context, Mailbox mailbox, CancellationToken cancellationToken)
    {
        var engine = await EmailAddressPolicyEngine.LoadAsync(context.Reader, cancellationToken);
        try
        {
            await engine.ApplyAsync(context.Reader, mailbox, updateSecondaryAddressesOnly: false, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw ManagementErrors.InvalidOperation(ex.Message, mailbox.Identity);
        }

        if (mailbox.PrimarySmtpAddress.Length == 0)
        {
            throw ManagementErrors.InvalidOperation(
                "No email address policy gives this recipient a primary SMTP address. Give it one with -PrimarySmtpAddress.", mailbox.Identity);
        }
    }

    private static List<ProxyAddress> Edit(Mailbox mailbox, MultiValuedUpdate update)
    {
        var current = mailbox.ProxyAddresses().ToList();
        foreach (var removed in RecipientAddresses.ParseLoose(update.Remove))
        {
            var match = current.FindIndex(a => a.SameAddress(removed));
            if (match >= 0 && current[match].IsPrimary)
            {
                throw new FormatException($"The primary SMTP address \"{current[match].Address}\" can't be removed. Make another address primary first.");
            }

            if (match >= 0)
            {
                current.RemoveAt(match);
            }
        }

        foreach (var added in RecipientAddresses.ParseLoose(update.Add))
        {
            if (added.IsPrimary)
            {
                current = current.Select(a => a.AsSecondary()).ToList();
            }

            current.RemoveAll(a => a.SameAddress(added));
            current.Add(added);
        }

        return current;
    }

    private static async Task EnsureDomainsAsync(CommandContext context, IEnumerable<ProxyAddress> addresses, CancellationToken cancellationToken)
    {
        foreach (var address in addresses.Where(a => a.IsSmtp))
        {
            await AcceptedDomainRules.EnsureTemplateDomainAsync(context, address.Address[(address.Address.LastIndexOf('@') + 1)..], cancellationToken);
        }
    }

    private static T Format<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (FormatException ex)
        {
            throw ManagementErrors.InvalidArgument(ex.Message);
        }
    }

    private static void Format(Action action) => Format(() =>
    {
        action();
        return 0;
    });
}

using System.Text.Json.Serialization;
using Mailroom.Addressing;
using Mailroom.Sizes;

namespace Mailroom.Directory.Model;

/// <summary>
/// A user with a mailbox (Exchange's UserMailbox). The password hash is kept apart from the object by the store,
/// so no serialization of a mailbox can ever carry it.
/// </summary>
public sealed class Mailbox : DirectoryObject, IHasLegacyDN
{
    public const string Class = "Mailbox";

    public string Alias { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Initials { get; set; }

    public string UserPrincipalName { get; set; } = string.Empty;

    public string SamAccountName { get; set; } = string.Empty;

    public string PrimarySmtpAddress { get; set; } = string.Empty;

    public string WindowsEmailAddress => PrimarySmtpAddress;

    /// <summary>All addresses as <c>Type:address</c>; exactly one <c>SMTP:</c> entry, the primary.</summary>
    public List<string> EmailAddresses { get; set; } = [];

    public bool EmailAddressPolicyEnabled { get; set; } = true;

    public string RecipientType => "UserMailbox";

    public string RecipientTypeDetails => "UserMailbox";

    public string Database { get; set; } = string.Empty;

    public bool UseDatabaseQuotaDefaults { get; set; } = true;

    public QuotaSize IssueWarningQuota { get; set; } = QuotaSize.Unlimited;

    public QuotaSize ProhibitSendQuota { get; set; } = QuotaSize.Unlimited;

    public QuotaSize ProhibitSendReceiveQuota { get; set; } = QuotaSize.Unlimited;

    public bool AccountDisabled { get; set; }

    public string? Department { get; set; }

    public string? Company { get; set; }

    public string? Office { get; set; }

    public string? City { get; set; }

    public string? StateOrProvince { get; set; }

    public string? PostalCode { get; set; }

    public string? CountryOrRegion { get; set; }

    public string? StreetAddress { get; set; }

    /// <summary>CustomAttribute1..15, stored as one array; shown as fifteen properties.</summary>
    [JsonIgnore]
    public string?[] CustomAttributes { get; set; } = new string?[15];

    public string? CustomAttribute1 { get => CustomAttributes[0]; set => CustomAttributes[0] = value; }
    public string? CustomAttribute2 { get => CustomAttributes[1]; set => CustomAttributes[1] = value; }
    public string? CustomAttribute3 { get => CustomAttributes[2]; set => CustomAttributes[2] = value; }
    public string? CustomAttribute4 { get => CustomAttributes[3]; set => CustomAttributes[3] = value; }
    public string? CustomAttribute5 { get => CustomAttributes[4]; set => CustomAttributes[4] = value; }
    public string? CustomAttribute6 { get => CustomAttributes[5]; set => CustomAttributes[5] = value; }
    public string? CustomAttribute7 { get => CustomAttributes[6]; set => CustomAttributes[6] = value; }
    public string? CustomAttribute8 { get => CustomAttributes[7]; set => CustomAttributes[7] = value; }
    public string? CustomAttribute9 { get => CustomAttributes[8]; set => CustomAttributes[8] = value; }
    public string? CustomAttribute10 { get => CustomAttributes[9]; set => CustomAttributes[9] = value; }
    public string? CustomAttribute11 { get => CustomAttributes[10]; set => CustomAttributes[10] = value; }
    public string? CustomAttribute12 { get => CustomAttributes[11]; set => CustomAttributes[11] = value; }
    public string? CustomAttribute13 { get => CustomAttributes[12]; set => CustomAttributes[12] = value; }
    public string? CustomAttribute14 { get => CustomAttributes[13]; set => CustomAttributes[13] = value; }
    public string? CustomAttribute15 { get => CustomAttributes[14]; set => CustomAttributes[14] = value; }

    /// <summary>Per-mailbox protocol switches (Set-CASMailbox); a protocol that is off refuses the user's login.</summary>
    public bool ImapEnabled { get; set; } = true;

    public bool PopEnabled { get; set; } = true;

    public bool OWAEnabled { get; set; } = true;

    public bool EwsEnabled { get; set; } = true;

    public bool ActiveSyncEnabled { get; set; } = true;

    public bool MAPIEnabled { get; set; } = true;

    /// <summary>Exchange Online's switch for authenticated SMTP submission: true turns it off; null follows the organization (on).</summary>
    public bool? SmtpClientAuthenticationDisabled { get; set; }

    public string ExchangeLegacyDN { get; set; } = string.Empty;

    /// <summary>Users granted the Send As extended right on this mailbox (Add-ADPermission -ExtendedRights "Send As").</summary>
    public List<Guid> SendAsTrustees { get; set; } = [];

    /// <summary>Exchange shows a recipient's identity as its canonical name, e.g. <c>contoso.com/Users/Alice</c>.</summary>
    public string CanonicalName { get; set; } = string.Empty;

    public override string Identity => CanonicalName.Length > 0 ? CanonicalName : Name;

    public override string ObjectClass => Class;

    public IEnumerable<ProxyAddress> ProxyAddresses() => EmailAddresses.Select(ProxyAddress.Parse);

    public override IEnumerable<string> DirectoryKeys()
    {
        foreach (var key in base.DirectoryKeys())
        {
            yield return key;
        }

        // Addresses first: when the UPN equals a taken address, the clash is reported as the address's.
        foreach (var proxy in ProxyAddresses())
        {
            yield return proxy.IsSmtp ? DirectoryKey.SmtpAddress(proxy.Address) : DirectoryKey.ProxyAddress(proxy.Prefix, proxy.Address);
        }

        yield return DirectoryKey.UserPrincipalName(UserPrincipalName);
        yield return DirectoryKey.SamAccountName(SamAccountName);
        yield return DirectoryKey.Alias(Alias);
    }
}

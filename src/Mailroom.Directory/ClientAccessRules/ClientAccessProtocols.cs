namespace Mailroom.Directory.ClientAccessRules;

/// <summary>
/// The protocol names of <c>AnyOfProtocols</c> and <c>Test-ClientAccessRule -Protocol</c>: Exchange's
/// <c>ClientAccessProtocol</c> values (exchange.md §3.4), plus <c>SMTP</c> (authenticated submission) and
/// <c>Autodiscover</c>, which Mailroom also governs. Every Exchange name is accepted so Exchange scripts run; the
/// ones Mailroom serves are listed in <see cref="Served"/>.
/// </summary>
public static class ClientAccessProtocols
{
    public const string ExchangeActiveSync = "ExchangeActiveSync";
    public const string ExchangeAdminCenter = "ExchangeAdminCenter";
    public const string ExchangeWebServices = "ExchangeWebServices";
    public const string Imap4 = "IMAP4";
    public const string OfflineAddressBook = "OfflineAddressBook";
    public const string OutlookAnywhere = "OutlookAnywhere";
    public const string OutlookWebApp = "OutlookWebApp";
    public const string Pop3 = "POP3";
    public const string PowerShellWebServices = "PowerShellWebServices";
    public const string RemotePowerShell = "RemotePowerShell";
    public const string Rest = "REST";
    public const string UniversalOutlook = "UniversalOutlook";
    public const string Smtp = "SMTP";
    public const string Autodiscover = "Autodiscover";

    public static readonly IReadOnlyList<string> All =
    [
        ExchangeActiveSync, ExchangeAdminCenter, ExchangeWebServices, Imap4, OfflineAddressBook, OutlookAnywhere,
        OutlookWebApp, Pop3, PowerShellWebServices, RemotePowerShell, Rest, UniversalOutlook, Smtp, Autodiscover,
    ];

    /// <summary>What a Mailroom node enforces rules on today (other names are accepted and simply never match).</summary>
    public static readonly IReadOnlyList<string> Served = [Imap4, Pop3, Smtp, RemotePowerShell, Autodiscover];

    /// <summary>The canonical spelling of a protocol name (case-insensitive), or null.</summary>
    public static string? Canonical(string name) =>
        All.FirstOrDefault(p => p.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}

namespace Mailroom.Directory.ClientAccessRules;

/// <summary>
/// Exchange's <c>ClientAccessAuthenticationMethod</c> values and which of them can occur with which protocol
/// (exchange.md §3.4, the table of supported combinations; Exchange refuses any other with the text of
/// <see cref="InvalidCombination"/>). A protocol not in the table has no authentication-type filtering at all.
/// </summary>
public static class ClientAccessAuthenticationTypes
{
    public const string Adfs = "AdfsAuthentication";
    public const string Basic = "BasicAuthentication";
    public const string CertificateBased = "CertificateBasedAuthentication";
    public const string NonBasic = "NonBasicAuthentication";
    public const string OAuth = "OAuthAuthentication";

    /// <summary>Exchange's wording, verbatim, for a protocol and authentication type that can't occur together.</summary>
    public const string InvalidCombination =
        "Chosen authentication type and protocol combination is invalid. See 'https://go.microsoft.com/fwlink/p/?linkid=869219' for supported combinations.";

    public static readonly IReadOnlyList<string> All = [Adfs, Basic, CertificateBased, NonBasic, OAuth];

    /// <summary>
    /// Exchange's table, plus Mailroom's own protocols: SMTP submission and Autodiscover take user names and
    /// passwords (SASL PLAIN/LOGIN, HTTP Basic) or, later, OAuth tokens.
    /// </summary>
    private static readonly Dictionary<string, string[]> Supported = new(StringComparer.OrdinalIgnoreCase)
    {
        [ClientAccessProtocols.ExchangeActiveSync] = [Basic, CertificateBased, OAuth],
        [ClientAccessProtocols.ExchangeAdminCenter] = [Adfs, Basic],
        [ClientAccessProtocols.Imap4] = [Basic, OAuth],
        [ClientAccessProtocols.OutlookWebApp] = [Adfs, Basic],
        [ClientAccessProtocols.Pop3] = [Basic, OAuth],
        [ClientAccessProtocols.RemotePowerShell] = [Basic, NonBasic],
        [ClientAccessProtocols.Smtp] = [Basic, OAuth],
        [ClientAccessProtocols.Autodiscover] = [Basic, OAuth],
    };

    public static string? Canonical(string name) =>
        All.FirstOrDefault(t => t.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="authenticationType"/> can occur on <paramref name="protocol"/>.</summary>
    public static bool CanOccur(string protocol, string authenticationType) =>
        Supported.TryGetValue(protocol, out var types) && types.Contains(authenticationType, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A rule's protocol and authentication-type lists are consistent when every listed type can occur with at least
    /// one listed protocol and every listed protocol with at least one listed type; a rule that names no protocols
    /// (it applies to all) or no types is always consistent.
    /// </summary>
    public static bool AreConsistent(IReadOnlyCollection<string> protocols, IReadOnlyCollection<string> authenticationTypes) =>
        protocols.Count == 0 || authenticationTypes.Count == 0
        || (authenticationTypes.All(t => protocols.Any(p => CanOccur(p, t))) && protocols.All(p => authenticationTypes.Any(t => CanOccur(p, t))));
}

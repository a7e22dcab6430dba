namespace Mailroom.Directory.Naming;

/// <summary>
/// Distinguished names and legacy DNs laid out as Exchange lays them in Active Directory, so scripts that
/// pass a DN or an <c>ExchangeLegacyDN</c> as an identity find the same shapes here.
/// </summary>
public sealed record OrganizationNames(string OrganizationName, string RootDomain)
{
    /// <summary>The name Exchange setup gives the administrative group (its "FYDIBOHF23SPDLT" suffix is literal).</summary>
    public const string AdministrativeGroup = "Exchange Administrative Group (FYDIBOHF23SPDLT)";

    public string DomainDN => string.Join(",", RootDomain.Split('.').Select(label => "DC=" + label));

    public string ConfigurationDN => $"CN=Configuration,{DomainDN}";

    public string OrganizationDN => $"CN={Escape(OrganizationName)},CN=Microsoft Exchange,CN=Services,{ConfigurationDN}";

    public string AdministrativeGroupDN => $"CN={AdministrativeGroup},CN=Administrative Groups,{OrganizationDN}";

    public string UsersContainerDN => $"CN=Users,{DomainDN}";

    public string LegacyAdministrativeGroup => $"/o={OrganizationName}/ou={AdministrativeGroup}";

    public string Site(string name) => $"CN={Escape(name)},CN=Sites,{ConfigurationDN}";

    public string Server(string name) => $"CN={Escape(name)},CN=Servers,{AdministrativeGroupDN}";

    public string ServerLegacyDN(string name) => $"{LegacyAdministrativeGroup}/cn=Configuration/cn=Servers/cn={name}";

    public string Database(string name) => $"CN={Escape(name)},CN=Databases,{AdministrativeGroupDN}";

    public string DatabaseLegacyDN(string server, string name) => $"{ServerLegacyDN(server)}/cn=Microsoft Private MDB/cn={name}";

    public string ClientAccessArray(string name) => $"CN={Escape(name)},CN=Arrays,{AdministrativeGroupDN}";

    public string ClientAccessArrayLegacyDN(string name) => $"{LegacyAdministrativeGroup}/cn=Arrays/cn={name}";

    /// <summary>Receive connectors live in their server's SMTP protocol container.</summary>
    public string ReceiveConnector(string server, string name) => $"CN={Escape(name)},CN=SMTP Receive Connectors,CN=Protocols,{Server(server)}";

    /// <summary>Send connectors live in the routing group setup creates (its "DWBGZMFD01QNBJR" suffix is literal).</summary>
    public string SendConnector(string name) =>
        $"CN={Escape(name)},CN=Connections,CN=Exchange Routing Group (DWBGZMFD01QNBJR),CN=Routing Groups,{AdministrativeGroupDN}";

    /// <summary>Virtual directories live under the server's HTTP protocol container, as IIS's do in Exchange.</summary>
    public string VirtualDirectory(string server, string name) => $"CN={Escape(name)},CN=HTTP,CN=Protocols,{Server(server)}";

    /// <summary>POP3 and IMAP4 settings live in the server's protocol containers.</summary>
    public string ProtocolSettings(string server, string protocol) => $"CN=1,CN={protocol},CN=Protocols,{Server(server)}";

    /// <summary>Exchange keeps certificates in the server's machine store; Mailroom under the server object.</summary>
    public string Certificate(string server, string thumbprint) => $"CN={thumbprint},CN=Certificates,{Server(server)}";

    /// <summary>Pointer SCPs sit under the organization's configuration, where an administrator adds them.</summary>
    public string ServiceConnectionPoint(string name) => $"CN={Escape(name)},CN=Autodiscover,CN=Client Access,{OrganizationDN}";

    public string AcceptedDomain(string name) => $"CN={Escape(name)},CN=Accepted Domains,CN=Transport Settings,{OrganizationDN}";

    public string EmailAddressPolicy(string name) => $"CN={Escape(name)},CN=Recipient Policies,{OrganizationDN}";

    public string RoleGroup(string name) => $"CN={Escape(name)},OU=Microsoft Exchange Security Groups,{DomainDN}";

    public string User(string name) => $"CN={Escape(name)},{UsersContainerDN}";

    /// <summary>Exchange 2010+ recipient legacy DNs end in a unique suffix: 32 hex digits and the alias.</summary>
    public string RecipientLegacyDN(Guid guid, string alias) =>
        $"{LegacyAdministrativeGroup}/cn=Recipients/cn={guid:N}-{alias}";

    public string UserCanonicalName(string name) => $"{RootDomain}/Users/{name}";

    /// <summary>RFC 4514 escaping of the characters that are special inside an RDN value.</summary>
    public static string Escape(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (",+\"\\<>;=".Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

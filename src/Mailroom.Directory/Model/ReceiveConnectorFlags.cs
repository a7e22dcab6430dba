namespace Mailroom.Directory.Model;

/// <summary>
/// Exchange's receive connector permission groups: who, once the session is identified, gets the connector's rights.
/// What each group grants is <see cref="Connectors.ReceiveConnectorRights"/>'s business.
/// </summary>
[Flags]
public enum PermissionGroups
{
    None = 0,
    AnonymousUsers = 1,
    ExchangeUsers = 2,
    ExchangeServers = 4,
    ExchangeLegacyServers = 8,
    Partners = 16,
    Custom = 32,
}

/// <summary>Exchange's receive connector authentication mechanisms (what the connector offers in EHLO).</summary>
[Flags]
public enum AuthMechanisms
{
    None = 0,
    Tls = 1,
    Integrated = 2,
    BasicAuth = 4,
    BasicAuthRequireTLS = 8,
    ExchangeServer = 16,
    ExternalAuthoritative = 32,
}

/// <summary>The Exchange transport service a receive connector belongs to.</summary>
public enum TransportRole
{
    FrontendTransport,
    HubTransport,
}

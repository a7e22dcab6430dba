using Mailroom.Directory.Model;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// What an SMTP session on a receive connector may do, from the connector's permission groups and authentication
/// mechanisms, following the extended rights Exchange gives each group (exchange.md §1.5 and §8.1):
/// <list type="table">
/// <item><term>AnonymousUsers</term><description>sessions that haven't authenticated: <see cref="Submit"/> (mail to
/// accepted domains), <see cref="AcceptAnySender"/> and <see cref="AcceptAuthoritativeDomainSender"/>; never relay.</description></item>
/// <item><term>ExchangeUsers</term><description>sessions authenticated as a user: <see cref="Submit"/> and
/// <see cref="AcceptAnyRecipient"/> (relay). Not Accept-Any-Sender: a user sends as its own addresses.</description></item>
/// <item><term>ExchangeServers</term><description>sessions of a server of the organization: everything, relay
/// included. Mailroom has no server authentication (Kerberos/GSSAPI) yet, so only an externally secured connector
/// (<c>ExternalAuthoritative</c>, which requires this group) makes a session one.</description></item>
/// <item><term>ExchangeLegacyServers, Partners, Custom</term><description>nothing yet: their principals (legacy
/// servers, domain-secured partners, Add-ADPermission grants) can't be established by Mailroom. Exchange gives
/// Partners only Submit, never relay.</description></item>
/// </list>
/// Relay therefore comes only from authentication or from an externally secured connector, and validation refuses
/// <c>AnonymousUsers</c> on an externally secured connector, so an unauthenticated session can't relay through a
/// connector that admits anonymous senders.
/// </summary>
public sealed record ReceiveConnectorRights
{
    /// <summary>ms-Exch-SMTP-Submit: MAIL FROM at all, and RCPT TO recipients in accepted domains.</summary>
    public bool Submit { get; init; }

    /// <summary>ms-Exch-SMTP-Accept-Any-Recipient: RCPT TO a domain the organization doesn't accept (relay).</summary>
    public bool AcceptAnyRecipient { get; init; }

    /// <summary>ms-Exch-SMTP-Accept-Any-Sender: no check that MAIL FROM belongs to the session's identity.</summary>
    public bool AcceptAnySender { get; init; }

    /// <summary>
    /// ms-Exch-SMTP-Accept-Authoritative-Domain-Sender: MAIL FROM may be in an authoritative domain. It governs
    /// sessions that haven't authenticated as a user; an authenticated user may always use its own addresses (and
    /// those it may Send As) and no others unless <see cref="AcceptAnySender"/>, whatever this says.
    /// </summary>
    public bool AcceptAuthoritativeDomainSender { get; init; }

    /// <summary>ms-Exch-Bypass-Message-Size-Limit: the connector's MaxMessageSize doesn't apply.</summary>
    public bool BypassMessageSizeLimit { get; init; }

    /// <summary>Advertise STARTTLS (<c>Tls</c> mechanism).</summary>
    public bool OfferStartTls { get; init; }

    /// <summary>Refuse everything but EHLO/HELO, STARTTLS, NOOP and QUIT before TLS (<c>RequireTLS</c>).</summary>
    public bool RequireTls { get; init; }

    /// <summary>
    /// Advertise AUTH PLAIN/LOGIN: the session hasn't authenticated, the connector has <c>BasicAuth</c>, and
    /// <c>ExchangeUsers</c> would give an authenticated user something to do (Exchange fails AUTH without Submit).
    /// </summary>
    public bool OfferAuth { get; init; }

    /// <summary>AUTH only after STARTTLS or on implicit TLS (<c>BasicAuthRequireTLS</c>).</summary>
    public bool AuthRequiresTls { get; init; }

    /// <summary>The groups whose rights the session holds, for logs and transcripts.</summary>
    public PermissionGroups GrantedBy { get; init; }

    public static ReceiveConnectorRights Of(ReceiveConnector connector, bool authenticated)
    {
        var groups = connector.PermissionGroups;
        var mechanisms = connector.AuthMechanism;
        var externallySecured = mechanisms.HasFlag(AuthMechanisms.ExternalAuthoritative) && groups.HasFlag(PermissionGroups.ExchangeServers);
        var granted = PermissionGroups.None;
        if (!authenticated && groups.HasFlag(PermissionGroups.AnonymousUsers) && !externallySecured)
        {
            granted |= PermissionGroups.AnonymousUsers;
        }

        if (authenticated && groups.HasFlag(PermissionGroups.ExchangeUsers))
        {
            granted |= PermissionGroups.ExchangeUsers;
        }

        if (externallySecured)
        {
            granted |= PermissionGroups.ExchangeServers;
        }

        var server = granted.HasFlag(PermissionGroups.ExchangeServers);
        var anonymous = granted.HasFlag(PermissionGroups.AnonymousUsers);
        return new ReceiveConnectorRights
        {
            Submit = granted != PermissionGroups.None,
            AcceptAnyRecipient = server || granted.HasFlag(PermissionGroups.ExchangeUsers),
            AcceptAnySender = server || anonymous,
            AcceptAuthoritativeDomainSender = server || anonymous,
            BypassMessageSizeLimit = server,
            OfferStartTls = mechanisms.HasFlag(AuthMechanisms.Tls),
            RequireTls = connector.RequireTLS,
            OfferAuth = !authenticated && mechanisms.HasFlag(AuthMechanisms.BasicAuth) && groups.HasFlag(PermissionGroups.ExchangeUsers),
            AuthRequiresTls = mechanisms.HasFlag(AuthMechanisms.BasicAuthRequireTLS),
            GrantedBy = granted,
        };
    }
}

using System.Security.Cryptography.X509Certificates;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// The rules of the receive connector chosen for a connection (Exchange §8.1). Defaults are Exchange's
/// New-ReceiveConnector defaults.
/// </summary>
public sealed record SmtpPolicy
{
    /// <summary>The receive connector's name, for logs and the connection-count scope.</summary>
    public required string ConnectorName { get; init; }

    /// <summary>The name the server gives in its banner, EHLO reply and 221/421 replies (connector Fqdn).</summary>
    public required string Fqdn { get; init; }

    /// <summary>Greeting text after <c>220 </c> (a leading "220 " is removed, as Exchange's Banner includes it);
    /// null for <c>{Fqdn} Mailroom ESMTP MAIL service ready at {date}</c>.</summary>
    public string? Banner { get; init; }

    /// <summary>Largest message accepted, in octets after dot-unstuffing (MaxMessageSize, default 36 MB).</summary>
    public long MaxMessageSize { get; init; } = 36L * 1024 * 1024;

    /// <summary>Further RCPTs get <c>452 4.5.3 Too many recipients</c> (MaxRecipientsPerMessage, default 200).</summary>
    public int MaxRecipientsPerMessage { get; init; } = 200;

    /// <summary>Advertise STARTTLS (AuthMechanism Tls); needs a certificate.</summary>
    public bool OfferStartTls { get; init; } = true;

    /// <summary>Refuse mail commands until TLS is on (RequireTLS): <c>530 5.7.0 Must issue a STARTTLS command first</c>.</summary>
    public bool RequireTls { get; init; }

    /// <summary>Advertise and accept AUTH PLAIN LOGIN (AuthMechanism BasicAuth).</summary>
    public bool OfferAuthentication { get; init; } = true;

    /// <summary>Allow AUTH without TLS (BasicAuth without BasicAuthRequireTLS). Off by default: passwords stay encrypted.</summary>
    public bool AllowPlaintextAuthentication { get; init; }

    /// <summary>Accept MAIL from unauthenticated clients (PermissionGroups AnonymousUsers); otherwise <c>530 5.7.0</c>.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>Concurrent connections per remote IP on this connector (MaxInboundConnectionPerSource, default 20; 0: no limit).</summary>
    public int MaxConnectionsPerSource { get; init; } = 20;

    /// <summary>Longest a connection may stay open, busy or not (ConnectionTimeout, default 10 minutes; null: no limit).</summary>
    public TimeSpan? ConnectionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Certificate for STARTTLS on this connector; null uses <see cref="SmtpServerOptions.Certificate"/>.</summary>
    public X509Certificate2? Certificate { get; init; }
}

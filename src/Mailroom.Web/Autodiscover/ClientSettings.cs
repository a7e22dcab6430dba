using Mailroom.Directory.Model;

namespace Mailroom.Web.Autodiscover;

/// <summary>One way to reach a service: host, port and how TLS starts.</summary>
public sealed record ServiceEndpoint(string Host, int Port, ConnectionEncryption Encryption);

/// <summary>
/// Everything a client is told for one network (internal or external): IMAP, POP3 and SMTP submission endpoints in
/// order of preference (implicit TLS first, RFC 8314 §3), Outlook on the web URLs when configured (the internal one only for internal clients), and the Autodiscover URL.
/// </summary>
public sealed record ClientSettings(
    bool Internal,
    IReadOnlyList<ServiceEndpoint> Imap,
    IReadOnlyList<ServiceEndpoint> Pop3,
    IReadOnlyList<ServiceEndpoint> Smtp,
    string? OwaInternalUrl,
    string? OwaExternalUrl,
    string AutodiscoverUrl,
    Guid DeploymentId,
    string OrganizationName,
    IReadOnlyList<string> Domains,
    string DefaultDomain);

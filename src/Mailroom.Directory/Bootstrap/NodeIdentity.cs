namespace Mailroom.Directory.Bootstrap;

/// <summary>Who this node is in the organization, from configuration (Mailroom:Organization:*, Mailroom:Server:*).</summary>
public sealed record NodeIdentity(string OrganizationName, string Domain, string ServerName, string Fqdn, string Site, string Version)
{
    /// <summary>The quick-start defaults of DESIGN.md: loopback, unprivileged ports.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuickStartListeners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Smtp"] = "127.0.0.1:2525",
        ["Submission"] = "127.0.0.1:2587",
        ["SubmissionTls"] = "127.0.0.1:2465",
    };

    /// <summary>
    /// The node's SMTP listeners as configured (Mailroom:Listeners:Smtp, Submission, SubmissionTls), name to
    /// <c>address:port</c> (<c>127.0.0.1:2525</c>, <c>[::1]:2525</c>, <c>*:25</c>). First start binds the server's
    /// default receive connectors to them; a name left out falls back to its quick-start value.
    /// </summary>
    public IReadOnlyDictionary<string, string> Listeners { get; init; } = QuickStartListeners;

    /// <summary>The DNS names the node's certificate covers (recorded on its Server object).</summary>
    public IReadOnlyList<string> CertificateDomains { get; init; } = [];

    public string Listener(string name) =>
        Listeners.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : QuickStartListeners[name];
}

/// <summary>What first start did: the server object, and the administrator password if one was generated.</summary>
public sealed record BootstrapResult(bool CreatedOrganization, string? GeneratedAdminPassword, Guid ServerGuid);

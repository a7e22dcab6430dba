namespace Mailroom.Server.Hosting;

/// <summary>The <c>Mailroom</c> configuration section; every key is documented in the README.</summary>
public sealed class MailroomOptions
{
    public string? DataPath { get; set; }

    public OrganizationOptions Organization { get; set; } = new();

    public ServerOptions Server { get; set; } = new();

    public StoreOptions Store { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Listener name (Smtp, Submission, SubmissionTls, Imap, Imaps, Pop3, Pop3s, Https) to <c>address:port</c>.</summary>
    public Dictionary<string, string> Listeners { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addresses (or CIDR ranges) of the load balancers that send PROXY protocol v2; see docs/array.md.</summary>
    public List<string> LoadBalancers { get; set; } = [];

    public sealed class OrganizationOptions
    {
        public string Domain { get; set; } = "mailroom.local";

        public string Name { get; set; } = "First Organization";
    }

    public sealed class ServerOptions
    {
        public string? Name { get; set; }

        public string? Fqdn { get; set; }

        public string Site { get; set; } = "Default-First-Site-Name";

        /// <summary><c>Active</c> (default) or <c>Inactive</c>: start with ServerWideOffline Inactive (requester Maintenance), as NLB's default host state "stopped".</summary>
        public string InitialState { get; set; } = "Active";

        /// <summary>How long a draining component's open sessions may continue before they are ended; unlimited when unset.</summary>
        public TimeSpan? DrainTimeout { get; set; }
    }

    public sealed class StoreOptions
    {
        public string Provider { get; set; } = "Sqlite";

        public string? ConnectionString { get; set; }
    }

    public sealed class BootstrapOptions
    {
        public string? AdminPassword { get; set; }
    }
}

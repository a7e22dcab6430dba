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

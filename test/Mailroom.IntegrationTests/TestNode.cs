using Mailroom.Server.Hosting;

namespace Mailroom.IntegrationTests;

/// <summary>A real node on a loopback port with its own data folder, removed when disposed.</summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string AdminPassword = "Adm1n!Passw0rd";

    private TestNode(MailroomNode node, string dataPath)
    {
        Node = node;
        DataPath = dataPath;
    }

    public MailroomNode Node { get; }

    public string DataPath { get; }

    public Uri HttpsUri => Node.HttpsUri;

    public string AdminUser => "administrator@" + Node.Identity.Domain;

    public int SmtpPort => Port("Smtp");

    public int SubmissionPort => Port("Submission");

    public int SubmissionTlsPort => Port("SubmissionTls");

    public int ImapPort => Port("Imap");

    public int ImapsPort => Port("Imaps");
    public int Pop3Port => Port("Pop3");

    public int Pop3sPort => Port("Pop3s");

    /// <summary>A port free on loopback now; receive connectors bind fixed ports, so tests can't use port 0.</summary>
    public static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Settings for a node's listeners on free loopback ports.</summary>
    public static Dictionary<string, string?> FreeListeners() => new()
    {
        ["Mailroom:Listeners:Https"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Smtp"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Submission"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:SubmissionTls"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Imap"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Imaps"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Pop3"] = "127.0.0.1:" + FreePort(),
        ["Mailroom:Listeners:Pop3s"] = "127.0.0.1:" + FreePort(),
    };

    private int Port(string listener) => int.Parse(Node.Options.Listeners[listener].Split(':')[^1]);

    public static async Task<TestNode> StartAsync(
        string serverName = "EX1", string domain = "contoso.com", string? adminPassword = AdminPassword, IDictionary<string, string?>? extra = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mailroom-test-" + Guid.NewGuid().ToString("N"));
        for (var attempt = 1; ; attempt++)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Mailroom:DataPath"] = dataPath,
                ["Mailroom:Organization:Domain"] = domain,
                ["Mailroom:Server:Name"] = serverName,
                ["Mailroom:Listeners:Https"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Smtp"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Submission"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:SubmissionTls"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Imap"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Imaps"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Pop3"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Listeners:Pop3s"] = "127.0.0.1:" + FreePort(),
                ["Mailroom:Bootstrap:AdminPassword"] = adminPassword,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            try
            {
                return new TestNode(await MailroomNode.StartAsync(["--environment", "Development"], settings), dataPath);
            }
            catch (IOException ex) when (attempt < 3 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // A free port found by FreePort was taken by another process before the node bound it: new ports.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is only a leftover in the temp folder.
        }
    }
}

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

    public static async Task<TestNode> StartAsync(
        string serverName = "EX1", string domain = "contoso.com", string? adminPassword = AdminPassword, IDictionary<string, string?>? extra = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mailroom-test-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Mailroom:DataPath"] = dataPath,
            ["Mailroom:Organization:Domain"] = domain,
            ["Mailroom:Server:Name"] = serverName,
            ["Mailroom:Listeners:Https"] = "127.0.0.1:0",
            ["Mailroom:Bootstrap:AdminPassword"] = adminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new TestNode(await MailroomNode.StartAsync(["--environment", "Development"], settings), dataPath);
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

using System.Text;
using System.Text.Json;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mailroom.Directory.Tests.Support;

/// <summary>
/// A freshly bootstrapped organization in a throwaway SQLite file, driven through the real
/// <see cref="ManagementService"/> exactly as the management API drives it.
/// </summary>
public sealed class TestOrganization : IAsyncDisposable
{
    public const string AdminPassword = "Passw0rd!Admin";
    public const string MailboxPassword = "Passw0rd!User";

    public static readonly NodeIdentity FirstNode =
        new("First Organization", "contoso.com", "EX1", "ex1.contoso.com", "Default-First-Site-Name", "Mailroom test");

    public static readonly Caller Admin = new(Guid.NewGuid(), "admin", true, true);

    public static readonly Caller ViewOnly = new(Guid.NewGuid(), "viewer", true, false);

    private static readonly (string Command, object Parameters)[] SnapshotCommands =
    [
        ("Get-AcceptedDomain", new { }),
        ("Get-EmailAddressPolicy", new { }),
        ("Get-Mailbox", new { ResultSize = "Unlimited" }),
        ("Get-MailboxDatabase", new { }),
        ("Get-ExchangeServer", new { }),
        ("Get-ClientAccessService", new { }),
        ("Get-ClientAccessArray", new { }),
        ("Get-ReceiveConnector", new { }),
        ("Get-SendConnector", new { }),
        ("Get-OwaVirtualDirectory", new { }),
        ("Get-EcpVirtualDirectory", new { }),
        ("Get-AutodiscoverVirtualDirectory", new { }),
        ("Get-ImapSettings", new { }),
        ("Get-PopSettings", new { }),
        ("Get-ServiceConnectionPoint", new { }),
    ];

    private readonly string folder;

    private TestOrganization(string folder, SqliteDirectoryStore store)
    {
        this.folder = folder;
        Store = store;
        Service = new ManagementService(store, CommandCatalog.CreateDefault(), TimeProvider.System, FirstNode.Fqdn);
    }

    public SqliteDirectoryStore Store { get; }

    public ManagementService Service { get; }

    public static async Task<TestOrganization> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mailroom-directory-tests", Guid.NewGuid().ToString("N"));
        var store = new SqliteDirectoryStore(Path.Combine(folder, "directory.db"));
        await store.InitializeAsync();
        await new OrganizationBootstrapper(store, TimeProvider.System).EnsureAsync(FirstNode, AdminPassword);
        return new TestOrganization(folder, store);
    }

    /// <summary>Starts another node against the same directory, as a second array member does.</summary>
    public Task<BootstrapResult> AddNodeAsync(string serverName, string site) =>
        new OrganizationBootstrapper(Store, TimeProvider.System).EnsureAsync(
            new NodeIdentity(FirstNode.OrganizationName, FirstNode.Domain, serverName, serverName.ToLowerInvariant() + ".contoso.com", site, FirstNode.Version),
            adminPassword: null);

    public Task<IReadOnlyList<object>> RunAsync(string command, object? parameters = null, Caller? caller = null) =>
        Service.InvokeAsync(command, CommandParameters.From(parameters ?? new { }), caller ?? Admin, CancellationToken.None);

    public async Task<T> OneAsync<T>(string command, object parameters) =>
        Assert.IsType<T>(Assert.Single(await RunAsync(command, parameters)));

    public Task<Mailbox> MailboxAsync(string identity) => OneAsync<Mailbox>("Get-Mailbox", new { Identity = identity });

    public Task<EmailAddressPolicy> PolicyAsync(string identity) => OneAsync<EmailAddressPolicy>("Get-EmailAddressPolicy", new { Identity = identity });

    public Task<AcceptedDomain> DomainAsync(string identity) => OneAsync<AcceptedDomain>("Get-AcceptedDomain", new { Identity = identity });

    public async Task<MailboxDatabase> FirstDatabaseAsync() =>
        Assert.IsType<MailboxDatabase>(Assert.Single(await RunAsync("Get-MailboxDatabase")));

    public Task<Mailbox> NewMailboxAsync(string name, string? firstName = null, string? lastName = null, string? alias = null) =>
        OneAsync<Mailbox>("New-Mailbox", new { Name = name, Alias = alias, FirstName = firstName, LastName = lastName, Password = MailboxPassword });

    public Task AddDomainAsync(string domainName, string type = "Authoritative") =>
        RunAsync("New-AcceptedDomain", new { Name = domainName, DomainName = domainName, DomainType = type });

    public async Task<IReadOnlyList<string>> PolicyOrderAsync() =>
        (await RunAsync("Get-EmailAddressPolicy")).Cast<EmailAddressPolicy>().Select(p => $"{p.Priority}:{p.Name}").ToList();

    public Task<string?> PasswordHashAsync(Guid id) => Store.ReadAsync(reader => reader.GetPasswordHashAsync(id));

    public Task<ManagementException> RefusedAsync(string command, object parameters, Caller? caller = null) =>
        Assert.ThrowsAsync<ManagementException>(() => RunAsync(command, parameters, caller));

    /// <summary>Runs a command that must be refused and checks that every Get- output (and every password) is unchanged.</summary>
    public async Task<ManagementException> RefusedWithoutChangeAsync(string command, object parameters, Caller? caller = null)
    {
        var before = await SnapshotAsync();
        var error = await RefusedAsync(command, parameters, caller);
        Assert.Equal(before, await SnapshotAsync());
        return error;
    }

    /// <summary>What the Get- commands show, as JSON, plus each mailbox's password hash.</summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var (command, parameters) in SnapshotCommands)
        {
            foreach (var item in await RunAsync(command, parameters))
            {
                text.Append(command).Append(' ').AppendLine(JsonSerializer.Serialize(item, item.GetType(), DirectoryJson.Options));
                if (item is Mailbox mailbox)
                {
                    text.Append("password ").AppendLine(await PasswordHashAsync(mailbox.Guid));
                }
            }
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; let them go before the folder does.
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the OS cleans /tmp.
        }

        return ValueTask.CompletedTask;
    }
}

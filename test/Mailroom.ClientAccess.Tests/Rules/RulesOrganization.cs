using System.Net;
using Mailroom.ClientAccess.Rules;
using Mailroom.ClientAccess.Rules.Commands;
using Mailroom.Directory.Bootstrap;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailroom.ClientAccess.Tests.Rules;

/// <summary>A bootstrapped organization in a throwaway SQLite file with the node's client access commands and policy.</summary>
internal sealed class RulesOrganization : IAsyncDisposable
{
    public static readonly NodeIdentity Node = new("First Organization", "contoso.com", "EX1", "ex1.contoso.com", "Default-First-Site-Name", "test");

    private readonly string folder;

    private RulesOrganization(string folder, SqliteDirectoryStore store, ClientAccessOptions options)
    {
        this.folder = folder;
        Store = store;
        Service = new ManagementService(store, new CommandCatalog(ClientAccessRuleCommands.With(CommandCatalog.DefaultCommands())), TimeProvider.System, Node.Fqdn);
        Policy = new ClientAccessPolicy(new ClientAccessRuleCache(store), store, options, Telemetry, NullLogger<ClientAccessPolicy>.Instance);
    }

    public SqliteDirectoryStore Store { get; }

    public ManagementService Service { get; }

    public ClientAccessPolicy Policy { get; }

    public ClientAccessTelemetry Telemetry { get; } = new();

    public Caller Admin { get; private set; } = null!;

    public static async Task<RulesOrganization> CreateAsync(ClientAccessOptions? options = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mailroom-rules-tests", Guid.NewGuid().ToString("N"));
        var store = new SqliteDirectoryStore(Path.Combine(folder, "directory.db"));
        await store.InitializeAsync();
        await new OrganizationBootstrapper(store, TimeProvider.System).EnsureAsync(Node, "Passw0rd!Admin");
        var org = new RulesOrganization(folder, store, options ?? new ClientAccessOptions());
        var admin = (Mailbox)Assert.Single(await org.Service.InvokeAsync("Get-Mailbox", CommandParameters.From(new { Identity = "administrator@contoso.com" }), new Caller(Guid.Empty, "setup", true, true), default));
        org.Admin = new Caller(admin.Guid, admin.UserPrincipalName, true, true);
        return org;
    }

    /// <summary>The administrator calling from <paramref name="address"/> over the management API.</summary>
    public Caller AdminFrom(string address) =>
        Admin with { Connection = new CallerConnection(IPAddress.Parse(address), 50000, "RemotePowerShell", "BasicAuthentication") };

    public Task<IReadOnlyList<object>> RunAsync(string command, object parameters, Caller? caller = null) =>
        Service.InvokeAsync(command, CommandParameters.From(parameters), caller ?? Admin, default);

    public Task<ManagementException> RefusedAsync(string command, object parameters, Caller? caller = null) =>
        Assert.ThrowsAsync<ManagementException>(() => RunAsync(command, parameters, caller));

    public async Task<Mailbox> NewMailboxAsync(string name, string? department = null)
    {
        var mailbox = (Mailbox)Assert.Single(await RunAsync("New-Mailbox", new { Name = name, Password = "Passw0rd!User" }));
        if (department is not null)
        {
            await RunAsync("Set-Mailbox", new { Identity = name, Department = department });
        }

        return mailbox;
    }

    public async Task<IReadOnlyList<string>> RuleOrderAsync() =>
        (await RunAsync("Get-ClientAccessRule", new { })).Cast<ClientAccessRule>().Select(r => $"{r.Priority}:{r.Name}").ToList();

    public ValueTask DisposeAsync()
    {
        Telemetry.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}

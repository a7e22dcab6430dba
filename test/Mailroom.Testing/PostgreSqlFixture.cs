namespace Mailroom.Testing;

/// <summary>
/// xunit fixture over one PostgreSQL server per test process (started on first use, cleaned up when the
/// process ends); each fixture instance gets its own database.
/// As a class fixture it needs nothing else: <c>IClassFixture&lt;PostgreSqlFixture&gt;</c>.
/// To share one database across classes, the test assembly itself must declare the collection,
/// because xunit only discovers collection definitions in the test assembly:
/// <code>
/// [CollectionDefinition(PostgreSqlFixture.CollectionName)]
/// public sealed class PostgreSqlCollection : ICollectionFixture&lt;PostgreSqlFixture&gt;;
/// </code>
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    public const string CollectionName = "PostgreSql";

    // initdb + start costs ~1s, a database ~50ms. A failed start is cached so every user fails fast.
    static readonly Lazy<Task<PostgreSqlTestServer>> Shared = new(() => PostgreSqlTestServer.StartAsync());

    PostgreSqlTestServer? _server;

    public PostgreSqlTestServer Server =>
        _server ?? throw new InvalidOperationException("PostgreSqlFixture used before InitializeAsync.");

    /// <summary>A database owned by this fixture instance.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await Shared.Value;
        ConnectionString = await _server.CreateDatabaseAsync();
    }

    /// <summary>Another new empty database on the shared server.</summary>
    public Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default) =>
        Server.CreateDatabaseAsync(name, ct);

    // The shared server outlives any one fixture; its watchdog stops it when the process ends.
    public Task DisposeAsync() => Task.CompletedTask;
}

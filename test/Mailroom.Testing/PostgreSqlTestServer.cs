using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Npgsql;

namespace Mailroom.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a free loopback port, trust auth, no fsync.
/// Under root it runs as an unprivileged user (see <see cref="PostgreSqlTools"/>).
/// </summary>
public sealed partial class PostgreSqlTestServer : IAsyncDisposable
{
    const string Superuser = "postgres";
    const int MaxStartAttempts = 3;

    readonly PostgreSqlTools _tools;
    readonly string _root;
    readonly ConcurrentBag<string> _handedOut = [];
    CleanupWatchdog? _watchdog;
    int _port;
    int _disposed;

    PostgreSqlTestServer(PostgreSqlTools tools, string root)
    {
        _tools = tools;
        _root = root;
    }

    /// <summary>Connection string to a fresh database created at start.</summary>
    public string ConnectionString { get; private set; } = "";

    string DataDir => Path.Combine(_root, "data");
    string SocketDir => Path.Combine(_root, "sock");
    string LogFile => Path.Combine(_root, "postgres.log");
    string[] StopArgs => ["-D", DataDir, "-m", "immediate", "-w", "-t", "30", "stop"];

    public static async Task<PostgreSqlTestServer> StartAsync(CancellationToken ct = default)
    {
        var tools = await PostgreSqlTools.LocateAsync(ct);
        var server = new PostgreSqlTestServer(tools, CreateRootFolder(tools.RunAsUser is not null));
        try
        {
            // Started before initdb so even a half-started cluster is cleaned up if we die.
            var stop = ToolProcess.Argv(tools.PgCtl, server.StopArgs, tools.RunAsUser);
            server._watchdog = CleanupWatchdog.Start(server._root, stop);
            await server.InitAndStartAsync(ct);
            await server.WaitUntilConnectableAsync(ct);
            server.ConnectionString = await server.CreateDatabaseAsync(ct: ct);
            return server;
        }
        catch
        {
            // Cleanup problems must not hide why the start failed.
            try { await server.DisposeAsync(); } catch (Exception) { }
            throw;
        }
    }

    /// <summary>Creates a new empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= "test_" + Guid.NewGuid().ToString("N")[..16];
        // PostgreSQL silently truncates longer names, which would hand back a wrong connection string.
        if (name.Length == 0 || name.Contains('\0') || Encoding.UTF8.GetByteCount(name) > 63)
            throw new ArgumentException("Database name must be 1-63 bytes without NUL.", nameof(name));

        await using (var conn = new NpgsqlConnection(Build("postgres", pooling: false)))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var cs = Build(name, pooling: true);
        _handedOut.Add(cs);
        return cs;
    }

    /// <summary>Stops the server (immediate mode) and deletes its temp folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Drop idle pooled connections so a later server reusing this port never gets them.
        foreach (var cs in _handedOut)
        {
            using var conn = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(conn);
        }
        try
        {
            if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
            {
                var stop = await PgCtlAsync(StopArgs, default);
                stop.EnsureSuccess("pg_ctl stop", ReadLogTail());
            }
        }
        finally
        {
            DeleteRootFolder();
            _watchdog?.Dispose();
        }
    }

    string Build(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = _port,
        Username = Superuser,
        Database = database,
        Pooling = pooling,
        IncludeErrorDetail = true,
    }.ConnectionString;

    Task<ToolResult> PgCtlAsync(IEnumerable<string> args, CancellationToken ct) => RunAsync(_tools.PgCtl, args, ct);

    Task<ToolResult> RunAsync(string file, IEnumerable<string> args, CancellationToken ct) =>
        ToolProcess.RunAsync(file, args, _tools.RunAsUser, _root, ct);

    void DeleteRootFolder()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

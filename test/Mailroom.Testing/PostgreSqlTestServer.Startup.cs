using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mailroom.Testing;

// Cluster creation and start-up: temp folder, initdb, pg_ctl start, readiness probe.
public sealed partial class PostgreSqlTestServer
{
    async Task InitAndStartAsync(CancellationToken ct)
    {
        if (_tools.RunAsUser is not null)
            await ChownRootAsync(ct);
        // C.UTF-8 (built into Debian's glibc) keeps ordering deterministic while lower()/upper() still handle Unicode.
        var init = await RunAsync(_tools.InitDb,
            ["-D", DataDir, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
        init.EnsureSuccess("initdb");

        for (var attempt = 1; ; attempt++)
        {
            _port = FreeLoopbackPort();
            // Every database handed out gets its own Npgsql pool, so idle connections add up across test classes.
            var options = $"-p {_port} -k {SocketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
            // -l sends postgres' output to a file; otherwise it inherits our pipes and reads never finish.
            var start = await PgCtlAsync(["-D", DataDir, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"], ct);
            if (start.ExitCode == 0)
                return;
            var log = ReadLogTail();
            // Another process may grab the port between probing and binding; retry with a new one.
            if (attempt < MaxStartAttempts && log.Contains("already in use", StringComparison.OrdinalIgnoreCase))
                continue;
            start.EnsureSuccess("pg_ctl start", log);
        }
    }

    async Task WaitUntilConnectableAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var conn = new NpgsqlConnection(Build("postgres", pooling: false));
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand("select 1", conn);
                await cmd.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    string ReadLogTail()
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return "postgres.log:\n" + (text.Length > 4000 ? text[^4000..] : text);
        }
        catch (IOException)
        {
            return "postgres.log: (none)";
        }
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Root: under /tmp (traversable by the service user, short socket path) and chowned to it.</summary>
    static string CreateRootFolder(bool forOtherUser)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("PostgreSqlTestServer needs a Unix host (runuser, unix sockets).");
        var parent = forOtherUser ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, "mailroom-pg-" + Guid.NewGuid().ToString("N")[..12]);
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        System.IO.Directory.CreateDirectory(root, OwnerOnly);
        System.IO.Directory.CreateDirectory(Path.Combine(root, "sock"), OwnerOnly);
        return root;
    }

    async Task ChownRootAsync(CancellationToken ct)
    {
        var chown = await ToolProcess.RunAsync(ToolProcess.Find("chown"),
            ["-R", $"{_tools.RunAsUser}:", _root], null, "/", ct);
        chown.EnsureSuccess($"chown of {_root} to {_tools.RunAsUser}");
    }
}

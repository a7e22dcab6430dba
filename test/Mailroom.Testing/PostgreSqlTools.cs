namespace Mailroom.Testing;

/// <summary>
/// The PostgreSQL server binaries and the OS user to run them as. initdb and pg_ctl refuse to run
/// as root, so under root they run through runuser as an unprivileged system user.
/// </summary>
internal sealed record PostgreSqlTools(string InitDb, string PgCtl, string? RunAsUser)
{
    const string FallbackUser = "mailroom-pg";

    public static async Task<PostgreSqlTools> LocateAsync(CancellationToken ct)
    {
        var (initdb, pgctl) = FindOnPath() ?? FindUnderUsrLib() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor under " +
            "/usr/lib/postgresql/*/bin. Install them with: apt-get install postgresql");
        var user = IsRoot() ? await EnsureServiceUserAsync(ct) : null;
        return new PostgreSqlTools(initdb, pgctl, user);
    }

    static bool IsRoot() => Environment.IsPrivilegedProcess || Environment.UserName == "root";

    static (string InitDb, string PgCtl)? FindOnPath()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (ToolProcess.FindIn(dirs, "initdb") is not { } found)
            return null;
        // Follow symlinks (e.g. /usr/local/bin/initdb) so pg_ctl comes from the same installation.
        var initdb = RealPath(found);
        var sibling = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        var pgctl = File.Exists(sibling) ? sibling : ToolProcess.FindIn(dirs, "pg_ctl");
        return pgctl is null ? null : (initdb, RealPath(pgctl));
    }

    static (string InitDb, string PgCtl)? FindUnderUsrLib()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
            return null;
        var newest = System.IO.Directory.GetDirectories(root)
            .Select(d => (Version: ParseVersion(Path.GetFileName(d)), Bin: Path.Combine(d, "bin")))
            .Where(x => x.Version is not null
                && File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
        return newest is null ? null : (Path.Combine(newest, "initdb"), Path.Combine(newest, "pg_ctl"));
    }

    // Folder names are "15" or "9.6"; Version needs at least two parts.
    static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var v) ? v : null;

    static string RealPath(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    /// <summary>Prefers the Debian package's "postgres" user; otherwise creates a system user.</summary>
    static async Task<string> EnsureServiceUserAsync(CancellationToken ct)
    {
        foreach (var candidate in (string[])["postgres", FallbackUser])
        {
            if (await IsNonRootUserAsync(candidate, ct))
                return candidate;
        }
        var add = await ToolProcess.RunAsync(ToolProcess.Find("useradd"),
            ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", FallbackUser], null, "/", ct);
        // 9 = already exists: a parallel test process may have won the race.
        if (add.ExitCode is not (0 or 9))
            add.EnsureSuccess($"Creating system user '{FallbackUser}' to run PostgreSQL (initdb refuses root)");
        return FallbackUser;
    }

    static async Task<bool> IsNonRootUserAsync(string user, CancellationToken ct)
    {
        var id = await ToolProcess.RunAsync(ToolProcess.Find("id"), ["-u", user], null, "/", ct);
        return id.ExitCode == 0 && id.StandardOutput.Trim() != "0";
    }
}

using System.Diagnostics;

namespace Mailroom.Testing;

/// <summary>
/// A detached shell that stops the cluster and deletes its folder once this process is gone.
/// pg_ctl detaches postgres from us, and vstest kills testhost ~100ms after the run, far too soon
/// for a ProcessExit handler to finish; the watchdog also covers crashes and kill -9.
/// </summary>
internal sealed class CleanupWatchdog : IDisposable
{
    // $1 = pid to watch, $2 = folder to delete, rest = stop command. Drops our stdio pipes first so
    // nobody waiting for EOF on them (dotnet test) hangs on the watchdog.
    const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 1; done
        dir=$2; shift 2
        "$@"
        rm -rf "$dir"
        """;

    readonly Process _process;

    CleanupWatchdog(Process process) => _process = process;

    public static CleanupWatchdog Start(string folder, IEnumerable<string> stopCommand)
    {
        var psi = new ProcessStartInfo
        {
            // setsid: survive Ctrl-C / process-group kills aimed at the test run, like postgres does.
            FileName = ToolProcess.Find("setsid"),
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var a in (string[])["sh", "-c", Script, "mailroom-pg-watchdog", Environment.ProcessId.ToString(), folder])
            psi.ArgumentList.Add(a);
        foreach (var a in stopCommand)
            psi.ArgumentList.Add(a);
        return new CleanupWatchdog(Process.Start(psi)
            ?? throw new InvalidOperationException("Could not start the PostgreSQL cleanup watchdog."));
    }

    /// <summary>Called after an orderly shutdown, when there is nothing left to clean.</summary>
    public void Dispose()
    {
        try { _process.Kill(); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

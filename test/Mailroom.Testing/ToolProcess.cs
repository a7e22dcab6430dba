using System.Diagnostics;

namespace Mailroom.Testing;

/// <summary>Result of an external command, kept whole so failures can show what the tool said.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public ToolResult EnsureSuccess(string step, string? extraDetail = null)
    {
        if (ExitCode == 0)
            return this;
        throw new InvalidOperationException(Describe($"{step} failed with exit code {ExitCode}", extraDetail));
    }

    public string Describe(string headline, string? extraDetail = null) =>
        $"{headline}.\ncommand: {CommandLine}\nstdout:\n{StandardOutput.TrimEnd()}\nstderr:\n{StandardError.TrimEnd()}"
        + (extraDetail is null ? "" : $"\n{extraDetail.TrimEnd()}");
}

/// <summary>Runs external tools with captured output, optionally as another OS user via runuser.</summary>
internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(
        string file, IEnumerable<string> args, string? asUser, string workingDirectory, CancellationToken ct)
    {
        var psi = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The target user must be able to enter the cwd, or initdb/pg_ctl fail to resolve paths.
            WorkingDirectory = workingDirectory,
        };
        var argv = Argv(file, args, asUser);
        psi.FileName = argv[0];
        foreach (var a in argv.Skip(1))
            psi.ArgumentList.Add(a);

        var commandLine = string.Join(' ', psi.ArgumentList.Prepend(psi.FileName));
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Could not start '{commandLine}': {e.Message}", e);
        }
        process.StandardInput.Close();

        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return new ToolResult(commandLine, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
    }

    /// <summary>The full argv for running <paramref name="file"/>, prefixed with runuser when another user is needed.</summary>
    public static List<string> Argv(string file, IEnumerable<string> args, string? asUser) =>
        [.. asUser is null ? [file] : (string[])[Find("runuser"), "-u", asUser, "--", file], .. args];

    /// <summary>Resolves a system tool via PATH, then the sbin/bin folders root's PATH may lack.</summary>
    public static string Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var dirs = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        return FindIn(dirs, name) ?? name;
    }

    public static string? FindIn(IEnumerable<string> dirs, string name) =>
        dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

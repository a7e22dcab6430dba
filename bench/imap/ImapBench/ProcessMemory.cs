using System.Globalization;

namespace ImapBench;

/// <summary>
/// Proportional set size of a process and all its descendants, from /proc/PID/smaps_rollup. PSS splits shared pages
/// between the processes mapping them, so forked workers (Dovecot's imap processes) aren't each charged for the
/// whole shared library set, and the sum over a tree is what the tree really costs.
/// </summary>
internal static class ProcessMemory
{
    public static long TreePssKiB(int root) => Tree(root).Sum(PssKiB);

    /// <summary>The process and every process descended from it.</summary>
    public static IReadOnlySet<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && TryParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var tree = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }
        while (grew);

        return tree;
    }

    private static int? TryParent(int pid)
    {
        try
        {
            // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ...
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }

    private static long PssKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return long.Parse(line[4..^2].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}

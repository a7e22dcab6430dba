using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ImapBench;

/// <summary>
/// Opens many connections that each LOGIN, SELECT the mailbox and enter IDLE (RFC 2177), and reports how much the
/// server's memory (PSS of its process tree) grew per connection. A few connections go first and are closed, so
/// code paths are warm before the baseline is taken.
/// </summary>
internal sealed class IdleMemory(ServerOptions server, int connections, int serverPid, TimeSpan settle, TextWriter log)
{
    private const int WarmUpConnections = 20;
    private const int Parallelism = 16;

    public IEnumerable<Measurement> Run()
    {
        var warm = Open(WarmUpConnections, out var warmProblem);
        Close(warm);
        if (warmProblem is not null)
        {
            yield return new Measurement("IDLE warm-up", "FAIL", warmProblem, []);
            yield break;
        }

        Thread.Sleep(settle);
        var before = ProcessMemory.TreePssKiB(serverPid);
        var beforeProcesses = ProcessMemory.Tree(serverPid).Count;
        var started = Stopwatch.GetTimestamp();
        var idle = Open(connections, out var problem);
        var openSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        try
        {
            yield return new Measurement($"LOGIN+SELECT+IDLE x{connections}", problem is null ? "ok" : "FAIL", problem ?? string.Empty, [openSeconds]);
            if (problem is not null)
            {
                yield break;
            }

            Thread.Sleep(settle);
            var after = ProcessMemory.TreePssKiB(serverPid);
            var afterProcesses = ProcessMemory.Tree(serverPid).Count;
            var perConnection = (after - before) / (double)connections;
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"PSS {before} KiB in {beforeProcesses} processes before, {after} KiB in {afterProcesses} processes with {connections} idling");
            log.WriteLine(detail);
            yield return new Measurement("memory per IDLE connection", "ok", detail, [perConnection], "KiB");
        }
        finally
        {
            Close(idle);
        }
    }

    private List<ImapConnection> Open(int count, out string? problem)
    {
        var opened = new ConcurrentBag<ImapConnection>();
        var failures = new ConcurrentQueue<string>();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, _ =>
        {
            if (!failures.IsEmpty)
            {
                return;
            }

            try
            {
                var connection = server.Login();
                opened.Add(connection);
                connection.Expect($"SELECT \"{server.Mailbox}\"");
                connection.StartIdle();
            }
            catch (Exception e) when (e is ImapException or IOException or System.Net.Sockets.SocketException)
            {
                failures.Enqueue(e.Message);
            }
        });

        problem = failures.TryPeek(out var first) ? $"{failures.Count} of {count} connections failed; first: {first}" : null;
        return [.. opened];
    }

    private static void Close(List<ImapConnection> connections)
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace ImapBench;

/// <summary>One line of the results file: an operation, whether its answer was right, and its values (times in seconds, or memory).</summary>
internal sealed record Measurement(string Operation, string Status, string Detail, IReadOnlyList<double> Seconds, string Unit = "s")
{
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>Tab-separated: operation, unit, status, median, each run's value (comma-separated), detail.</summary>
    public string ToLine() => string.Join('\t', Operation, Unit, Status,
        Median.ToString("F6", CultureInfo.InvariantCulture),
        string.Join(',', Seconds.Select(s => s.ToString("F6", CultureInfo.InvariantCulture))),
        Detail.Replace('\t', ' '));

    /// <summary>
    /// Runs <paramref name="run"/> <paramref name="runs"/> times; each returns null when its answer was right, or what
    /// was wrong. A run stops its clock when the server has answered, so checking the answer isn't timed.
    /// </summary>
    public static Measurement Time(string operation, int runs, Func<Clock, string?> run)
    {
        var seconds = new List<double>();
        string? problem = null;
        var note = string.Empty;
        for (var i = 0; i < runs; i++)
        {
            var clock = new Clock();
            string? wrong;
            try
            {
                wrong = run(clock);
            }
            catch (ImapException e)
            {
                wrong = e.Message;
            }

            clock.Stop();
            seconds.Add(clock.Seconds);
            note = clock.Note;
            problem ??= wrong;
            if (wrong is not null)
            {
                break;
            }
        }

        return new Measurement(operation, problem is null ? "ok" : "FAIL", problem ?? note, seconds);
    }
}

/// <summary>Started when made; the first Stop counts.</summary>
internal sealed class Clock
{
    private readonly long started = Stopwatch.GetTimestamp();
    private double? seconds;

    public double Seconds => seconds ?? Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>What the answer was (e.g. a match count), for comparing servers.</summary>
    public string Note { get; set; } = string.Empty;

    public void Stop() => seconds ??= Stopwatch.GetElapsedTime(started).TotalSeconds;
}

using System.Globalization;

namespace ImapBench;

/// <summary>
/// The table of both servers' results and their ratios (Mailroom / Dovecot: target at most 1.0 for times, 0.5 for
/// memory per idle connection). Fails when either server answered wrongly or the two answered differently.
/// </summary>
internal static class Report
{
    private sealed record Row(string Operation, string Unit, string Status, double Median, string Detail);

    public static int Print(string mailroomFile, string dovecotFile, TextWriter output)
    {
        var mailroom = Read(mailroomFile);
        var dovecot = Read(dovecotFile);
        var operations = dovecot.Keys.Concat(mailroom.Keys).Distinct().ToList();
        var failed = false;
        output.WriteLine($"{"operation",-46} {"Mailroom",12} {"Dovecot",12} {"ratio",7}  target");
        foreach (var operation in operations)
        {
            var ours = mailroom.GetValueOrDefault(operation);
            var theirs = dovecot.GetValueOrDefault(operation);
            var unit = (ours ?? theirs)!.Unit;
            var target = unit == "KiB" ? 0.5 : 1.0;
            var ratio = ours is { Status: "ok" } && theirs is { Status: "ok" } && theirs.Median > 0 ? ours.Median / theirs.Median : double.NaN;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{operation,-46} {Cell(ours, mailroom.Count == 0),12} {Cell(theirs, dovecot.Count == 0),12} {(double.IsNaN(ratio) ? "-" : ratio.ToString("F2", CultureInfo.InvariantCulture)),7}  <= {target:F1}{(double.IsNaN(ratio) ? string.Empty : ratio <= target ? "  met" : "  missed")}"));
            failed |= ours is { Status: not "ok" } || theirs is { Status: not "ok" };
            if (ours is { Status: "ok" } && theirs is { Status: "ok" } && ours.Detail.StartsWith("matches=", StringComparison.Ordinal) && ours.Detail != theirs.Detail)
            {
                output.WriteLine($"  WARNING: the servers disagree: Mailroom {ours.Detail}, Dovecot {theirs.Detail}");
                failed = true;
            }
        }

        foreach (var row in mailroom.Values.Concat(dovecot.Values).Where(r => r.Status != "ok"))
        {
            output.WriteLine($"  FAIL {(mailroom.ContainsValue(row) ? "Mailroom" : "Dovecot")} {row.Operation}: {row.Detail}");
        }

        return failed ? 1 : 0;
    }

    private static string Cell(Row? row, bool pending) => row switch
    {
        null => pending ? "pending" : "-",
        { Status: not "ok" } => "FAIL",
        { Unit: "KiB" } => string.Create(CultureInfo.InvariantCulture, $"{row.Median:F0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{row.Median:F3} s"),
    };

    private static Dictionary<string, Row> Read(string file)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(file))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 5)
            {
                rows[fields[0]] = new Row(fields[0], fields[1], fields[2], double.Parse(fields[3], CultureInfo.InvariantCulture), fields[5 < fields.Length ? 5 : 4]);
            }
        }

        return rows;
    }
}

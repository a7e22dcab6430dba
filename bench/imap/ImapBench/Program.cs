using System.Globalization;
using ImapBench;

// imapbench workload --port N --user U --password P --out FILE [--host 127.0.0.1] [--mailbox INBOX] [--messages 10000] [--seed 4] [--runs 3] [--starttls] [--reuse]
// imapbench idle     --port N --user U --password P --out FILE --pid PID [--connections 1000] [--settle 5] ...
// imapbench report   --mailroom FILE --dovecot FILE
// Exit code 0 when every answer was right, 1 when something failed functionally, 2 for bad usage.
var (command, options) = Arguments.Parse(args);
try
{
    return command switch
    {
        "workload" => Write(options, o => new Workload(Server(o), o.Int("messages", 10000), o.Int("seed", 4), o.Int("runs", 3), Console.Out, o.Has("reuse")).Run()),
        "idle" => Write(options, o => new IdleMemory(Server(o), o.Int("connections", 1000), o.Int("pid", 0), TimeSpan.FromSeconds(o.Int("settle", 5)), Console.Out).Run()),
        "report" => Report.Print(options.Required("mailroom"), options.Required("dovecot"), Console.Out),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static ServerOptions Server(Arguments o) => new(o.Get("host", "127.0.0.1"), o.Int("port", 0), o.Required("user"), o.Required("password"), o.Get("mailbox", "INBOX"), o.Has("starttls"));

static int Write(Arguments options, Func<Arguments, IEnumerable<Measurement>> run)
{
    var failed = false;
    using var output = new StreamWriter(options.Required("out"));
    try
    {
        foreach (var measurement in run(options))
        {
            output.WriteLine(measurement.ToLine());
            output.Flush();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {measurement.Operation,-44} {measurement.Status,-4} {measurement.Median,10:F3} {measurement.Unit,-3} {measurement.Detail}"));
            failed |= measurement.Status != "ok";
        }
    }
    catch (Exception e) when (e is ImapException or IOException or System.Net.Sockets.SocketException)
    {
        var broken = new Measurement("connection", "FAIL", e.Message, []);
        output.WriteLine(broken.ToLine());
        Console.WriteLine($"  FAIL: {e.Message}");
        failed = true;
    }

    return failed ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: imapbench workload|idle|report ... (see bench/README.md)");
    return 2;
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Pop3.Tests;

/// <summary>Random command lines never crash a session: every run ends with QUIT's answer or a clean close.</summary>
public sealed class SessionPropertyTests
{
    private static readonly Gen<string> Lines = Gen.OneOf(
        Gen.Elements("STAT", "LIST", "LIST 1", "UIDL", "UIDL 2", "RETR 1", "TOP 1 0", "TOP 2 99", "DELE 1", "RSET", "NOOP", "CAPA",
            "USER alice", "PASS secret", "AUTH", "AUTH PLAIN", "*", "=", "AUTH LOGIN", "STLS", "RETR 0", "DELE 99999999999"),
        Gen.Elements('a', ' ', '.', '*', '=', '1', 'Z', '\u00e9', '\0', '\r').ArrayOf().Select(c => new string(c)));

    [Property(MaxTest = 60)]
    public Property RandomLinesNeverCrashTheSession() =>
        Prop.ForAll(Lines.ListOf().ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (lines, loggedIn) => RunAsync(lines, loggedIn).GetAwaiter().GetResult());

    private static async Task<bool> RunAsync(IList<string> lines, bool loggedIn)
    {
        await using var store = await MaildropStore.CreateAsync();
        await store.DeliverAsync("Subject: a\r\n\r\n.a\r\n");
        await store.DeliverAsync("Subject: b\r\n\r\nb\r\n");
        await using var pop = await Pop3TestHarness.StartAsync(store, configure: o => o.MaxBadCommands = 1000);
        var script = new StringBuilder();
        if (loggedIn)
        {
            script.Append("USER alice\r\nPASS secret\r\n");
        }

        foreach (var line in lines)
        {
            script.Append(line).Append("\r\n");
        }

        script.Append("QUIT\r\n");
        await pop.SendAsync(script.ToString());

        // QUIT may have been taken as a SASL response ("QUIT" is valid base64); end of input ends the session then.
        await pop.CompleteInputAsync();
        var transcript = new List<string>();
        while (await pop.ReadLineAsync() is var reply && reply != "<closed>")
        {
            transcript.Add(reply);
        }

        await pop.WaitForSessionEndAsync();

        // No exception reached the session's catch-all (it answers [SYS/TEMP]), the session ended, and the backend
        // heard the end exactly once.
        return !transcript.Any(l => l.Contains("Temporary server failure", StringComparison.Ordinal))
            && transcript.Count > 0
            && pop.Backend.Ended == 1;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImapBench;

/// <summary>
/// The timed workload of issue 4 on one connection: APPEND the corpus, then SELECT, two FETCHes over every message,
/// three UID SEARCHes and SORT (DATE), each repeated and checked against what the corpus says the answer must be.
/// </summary>
internal sealed partial class Workload(ServerOptions server, int messageCount, int seed, int runs, TextWriter log, bool reuse = false)
{
    private readonly IReadOnlyList<BenchMessage> corpus = Corpus.Generate(messageCount, seed);
    private readonly string mailbox = Quote(server.Mailbox);
    private long[] uids = [];

    public IEnumerable<Measurement> Run()
    {
        log.WriteLine($"corpus: {corpus.Count} messages, {corpus.Sum(m => (long)m.Bytes.Length) / corpus.Count} bytes on average");
        using var connection = server.Login();
        var exists = Select(connection, null);
        var reused = reuse && exists == corpus.Count; // --reuse: the corpus was appended by an earlier run; only the reads are timed
        if (exists != 0 && !reused)
        {
            yield return new Measurement("setup", "FAIL", $"{server.Mailbox} holds {exists} messages; the benchmark needs an empty one", []);
            yield break;
        }

        connection.Expect("CLOSE");

        if (!reused)
        {
            var append = Measurement.Time($"APPEND x{corpus.Count}", 1, _ => Append(connection));
            yield return append;
            if (append.Status != "ok")
            {
                yield break; // nothing after it can be checked
            }
        }

        yield return Measurement.Time("SELECT", Math.Max(runs, 5), clock =>
        {
            var count = Select(connection, clock);
            return count == corpus.Count ? null : $"EXISTS {count}, expected {corpus.Count}";
        });
        yield return Measurement.Time("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)", runs, clock => FetchSummaries(connection, clock));
        if (uids.Length != corpus.Count || uids.Any(uid => uid == 0))
        {
            yield return new Measurement("setup", "FAIL", "no UID for every message, so the searches can't be checked", []);
            yield break;
        }

        yield return Measurement.Time("FETCH 1:* BODY.PEEK[]", runs, clock => FetchBodies(connection, clock));
        yield return Measurement.Time($"UID SEARCH HEADER Subject \"{Corpus.SubjectTerm}\"", runs, clock =>
            Search(connection, clock, $"HEADER Subject \"{Corpus.SubjectTerm}\"", m => m.Subject.Contains(Corpus.SubjectTerm, StringComparison.OrdinalIgnoreCase)));
        yield return Measurement.Time($"UID SEARCH FROM \"{Corpus.FromTerm}\"", runs, clock =>
            Search(connection, clock, $"FROM \"{Corpus.FromTerm}\"", m => m.From.Contains(Corpus.FromTerm, StringComparison.OrdinalIgnoreCase)));
        yield return Measurement.Time($"UID SEARCH BODY \"{Corpus.BodyTerm}\"", runs, clock =>
            Search(connection, clock, $"BODY \"{Corpus.BodyTerm}\"", m => m.Body.Contains(Corpus.BodyTerm, StringComparison.OrdinalIgnoreCase)));
        yield return Measurement.Time("SORT (DATE) UTF-8 ALL", runs, clock => Sort(connection, clock));
        connection.Logout();
    }

    private string? Append(ImapConnection connection)
    {
        for (var i = 0; i < corpus.Count; i++)
        {
            var message = corpus[i];
            var completion = connection.ExecuteWithLiteral($"APPEND {mailbox} ({message.Flags}) \"{message.InternalDate}\"", message.Bytes);
            if (completion.Status != "OK")
            {
                return $"APPEND of message {i + 1}: {completion.Text}";
            }
        }

        return null;
    }

    /// <summary>SELECTs the mailbox and returns its EXISTS count (RFC 9051 §6.3.2).</summary>
    private int Select(ImapConnection connection, Clock? clock)
    {
        var exists = -1;
        connection.Expect($"SELECT {mailbox}", r =>
        {
            var match = ExistsLine().Match(r.Text);
            if (match.Success)
            {
                exists = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        });
        clock?.Stop();
        return exists;
    }

    private string? FetchSummaries(ImapConnection connection, Clock clock)
    {
        var responses = new List<ImapResponse>(corpus.Count);
        connection.Expect("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)", responses.Add, keepLiterals: true);
        clock.Stop();
        var seen = new long[corpus.Count];
        foreach (var response in responses)
        {
            // A server may send any envelope string as a literal (RFC 9051 §4.3) instead of quoted.
            var text = response.Literals.Count == 0 ? response.Text : response.Text + " " + string.Join(' ', response.Literals.Select(Encoding.ASCII.GetString));
            var match = FetchLine().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var sequence = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (sequence < 1 || sequence > corpus.Count)
            {
                return $"FETCH for message {sequence} of {corpus.Count}";
            }

            var message = corpus[sequence - 1];
            var uid = UidItem().Match(text);
            var size = SizeItem().Match(text);
            var flags = FlagsItem().Match(text);
            if (!uid.Success || !size.Success || !flags.Success || !text.Contains("ENVELOPE (", StringComparison.Ordinal))
            {
                return $"message {sequence} lacks UID, FLAGS, RFC822.SIZE or ENVELOPE: {Shorten(text)}";
            }

            if (long.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture) != message.Bytes.Length)
            {
                return $"message {sequence}: RFC822.SIZE {size.Groups[1].Value}, appended {message.Bytes.Length}";
            }

            if (!SameFlags(flags.Groups[1].Value, message.Flags))
            {
                return $"message {sequence}: FLAGS ({flags.Groups[1].Value}), appended ({message.Flags})";
            }

            if (!text.Contains(message.MessageId, StringComparison.Ordinal) || !text.Contains(message.Subject, StringComparison.Ordinal))
            {
                return $"message {sequence}: ENVELOPE lacks its subject or Message-ID: {Shorten(text)}";
            }

            seen[sequence - 1] = long.Parse(uid.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var missing = Array.IndexOf(seen, 0L);
        if (missing >= 0)
        {
            return $"no FETCH response for message {missing + 1}";
        }

        uids = seen;
        return null;
    }

    private string? FetchBodies(ImapConnection connection, Clock clock)
    {
        var bodies = new byte[corpus.Count][];
        string? problem = null;
        connection.Expect("FETCH 1:* BODY.PEEK[]", r =>
        {
            var match = FetchLine().Match(r.Text);
            if (!match.Success || r.Literals.Count != 1)
            {
                return;
            }

            var sequence = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (sequence >= 1 && sequence <= corpus.Count)
            {
                bodies[sequence - 1] = r.Literals[0];
            }
            else
            {
                problem ??= $"FETCH for message {sequence} of {corpus.Count}";
            }
        }, keepLiterals: true);
        clock.Stop();
        for (var i = 0; i < corpus.Count && problem is null; i++)
        {
            if (bodies[i] is null)
            {
                problem = $"no BODY[] for message {i + 1}";
            }
            else if (!bodies[i].AsSpan().SequenceEqual(corpus[i].Bytes))
            {
                problem = $"message {i + 1}: BODY[] ({bodies[i].Length} bytes) differs from what was appended ({corpus[i].Bytes.Length} bytes)";
            }
        }

        return problem;
    }

    private string? Search(ImapConnection connection, Clock clock, string criteria, Func<BenchMessage, bool> matches)
    {
        var found = new List<long>();
        connection.Expect($"UID SEARCH {criteria}", r => found.AddRange(Numbers(r.Text, "* SEARCH")));
        clock.Stop();
        var expected = Enumerable.Range(0, corpus.Count).Where(i => matches(corpus[i])).Select(i => uids[i]).ToHashSet();
        clock.Note = $"matches={found.Count}";
        return expected.SetEquals(found) && found.Count == expected.Count
            ? null
            : $"matches={found.Count} expected={expected.Count} (or different UIDs)";
    }

    private string? Sort(ImapConnection connection, Clock clock)
    {
        var sorted = new List<long>();
        connection.Expect("SORT (DATE) UTF-8 ALL", r => sorted.AddRange(Numbers(r.Text, "* SORT")));
        clock.Stop();
        // RFC 5256 §3: DATE is the Date header in UTC; every message here has its own instant, so one order is right.
        clock.Note = $"sorted={sorted.Count}";
        var expected = Enumerable.Range(1, corpus.Count).OrderBy(n => corpus[n - 1].Date.UtcDateTime).Select(n => (long)n);
        return sorted.SequenceEqual(expected) ? null : $"SORT returned {sorted.Count} numbers, not the {corpus.Count} in Date order";
    }

    private static IEnumerable<long> Numbers(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? text[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture))
            : [];

    private static bool SameFlags(string server, string appended)
    {
        var got = server.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => !f.Equals(@"\Recent", StringComparison.OrdinalIgnoreCase));
        var want = appended.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return got.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(want.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    private static string Quote(string mailbox) => "\"" + mailbox.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;

    [GeneratedRegex(@"^\* (\d+) EXISTS$", RegexOptions.IgnoreCase)]
    private static partial Regex ExistsLine();

    [GeneratedRegex(@"^\* (\d+) FETCH ", RegexOptions.IgnoreCase)]
    private static partial Regex FetchLine();

    [GeneratedRegex(@"[ (]UID (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex UidItem();

    [GeneratedRegex(@"RFC822\.SIZE (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex SizeItem();

    [GeneratedRegex(@"[ (]FLAGS \(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex FlagsItem();
}

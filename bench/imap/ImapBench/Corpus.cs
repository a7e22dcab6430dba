using System.Globalization;
using System.Text;

namespace ImapBench;

/// <summary>One generated message and what it says, so that answers can be checked without trusting either server.</summary>
internal sealed record BenchMessage(byte[] Bytes, string From, string Subject, string Body, DateTimeOffset Date, string MessageId, string Flags)
{
    /// <summary>APPEND's date-time (RFC 9051 §9 date-time): a few minutes after the Date header, as if just received.</summary>
    public string InternalDate =>
        Date.AddMinutes(3).ToString("dd-MMM-yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + Date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty);
}

/// <summary>
/// Deterministic mailing-list-like mail of about 4 KB: varied senders, subjects, dates in several time zones and
/// plain-text bodies. Each message gets its own Date instant so SORT (DATE) has exactly one right answer.
/// </summary>
internal static class Corpus
{
    public const string SubjectTerm = "quarterly";
    public const string FromTerm = "Okafor";
    public const string BodyTerm = "zeppelin";

    private static readonly string[] FirstNames =
    [
        "Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo",
        "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tanvi", "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Andersen", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Varga",
    ];

    private static readonly string[] Domains = ["example.org", "example.net", "lists.example.com", "corp.example", "mail.example.edu"];

    private static readonly string[] SubjectWords =
    [
        "budget", "release", "meeting", "agenda", "report", "review", "deadline", "invoice", "schedule", "roadmap",
        "migration", "outage", "backup", "onboarding", "contract", "proposal", "survey", "workshop", "summary", "update",
    ];

    private static readonly string[] SubjectPrefixes = ["", "", "", "Re: ", "Re: ", "Fwd: ", "[ops] ", "[dev] ", "[all] "];

    private static readonly string[] Zones = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300"];

    private static readonly string[] BodyWords =
    [
        "the", "a", "and", "of", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
        "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were", "their",
        "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
        "no", "server", "mailbox", "folder", "message", "client", "network", "storage", "disk", "memory", "process",
        "thread", "queue", "index", "search", "header", "body", "address", "domain", "policy", "quota", "archive",
        "calendar", "contact", "journal", "retention", "transport", "connector", "certificate", "password", "account",
        "database", "replica", "cluster", "failover", "latency", "throughput", "benchmark", "deployment", "monitoring",
        "alert", "ticket", "customer", "supplier", "warehouse", "shipment", "invoice", "payment", "ledger", "forecast",
        "revenue", "expense", "travel", "office", "kitchen", "garden", "weather", "harbour", "mountain", "river",
        "village", "bicycle", "library", "museum", "orchestra", "theatre", "festival", "holiday", "morning", "evening",
        "yesterday", "tomorrow", "quickly", "carefully", "probably", "certainly", "however", "therefore", "meanwhile",
    ];

    public static IReadOnlyList<BenchMessage> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var epoch = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
        var messages = new BenchMessage[count];
        for (var i = 0; i < count; i++)
        {
            // Distinct instants (997 s apart, a prime, so local times vary), shown in one of several zones.
            var instant = epoch.AddSeconds(order[i] * 997L);
            var zone = Zones[random.Next(Zones.Length)];
            var offset = TimeSpan.FromMinutes((zone[0] == '-' ? -1 : 1) * (int.Parse(zone[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(zone[3..], CultureInfo.InvariantCulture)));
            messages[i] = Build(random, i, instant.ToOffset(offset), zone);
        }

        return messages;
    }

    private static BenchMessage Build(Random random, int index, DateTimeOffset date, string zone)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var from = $"{first} {last} <{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{Domains[random.Next(Domains.Length)]}>";
        var to = $"Bench User <bench@{Domains[random.Next(Domains.Length)]}>";
        var subject = SubjectPrefixes[random.Next(SubjectPrefixes.Length)]
                      + (random.Next(25) == 0 ? "Quarterly " : string.Empty)
                      + Capitalise(SubjectWords[random.Next(SubjectWords.Length)]) + " " + SubjectWords[random.Next(SubjectWords.Length)]
                      + " #" + (1000 + random.Next(9000)).ToString(CultureInfo.InvariantCulture);
        var messageId = $"<{index:x8}.{random.Next():x8}@bench.example>";
        var flags = (index % 3, index % 17) switch
        {
            (_, 0) => @"\Seen \Flagged",
            (0, _) => string.Empty,
            _ => @"\Seen",
        };

        var header = new StringBuilder();
        header.Append("Return-Path: <").Append(from[(from.IndexOf('<') + 1)..^1]).Append(">\r\n");
        header.Append("Received: from mx.example.net (mx.example.net [192.0.2.").Append(1 + random.Next(250)).Append("])\r\n")
              .Append("\tby mail.bench.example with ESMTPS id ").Append(random.Next().ToString("x8", CultureInfo.InvariantCulture))
              .Append("\r\n\tfor <bench@bench.example>; ").Append(FormatDate(date.AddSeconds(40), zone)).Append("\r\n");
        header.Append("From: ").Append(from).Append("\r\n");
        header.Append("To: ").Append(to).Append("\r\n");
        if (random.Next(4) == 0)
        {
            header.Append("Cc: ").Append(FirstNames[random.Next(FirstNames.Length)]).Append(' ').Append(LastNames[random.Next(LastNames.Length)])
                  .Append(" <team@").Append(Domains[random.Next(Domains.Length)]).Append(">\r\n");
        }

        header.Append("Subject: ").Append(subject).Append("\r\n");
        header.Append("Date: ").Append(FormatDate(date, zone)).Append("\r\n");
        header.Append("Message-ID: ").Append(messageId).Append("\r\n");
        if (subject.StartsWith("Re: ", StringComparison.Ordinal))
        {
            header.Append("In-Reply-To: <").Append(random.Next().ToString("x8", CultureInfo.InvariantCulture)).Append("@bench.example>\r\n");
        }

        header.Append("MIME-Version: 1.0\r\n");
        header.Append("Content-Type: text/plain; charset=us-ascii; format=flowed\r\n");
        header.Append("Content-Transfer-Encoding: 7bit\r\n");
        header.Append("X-Mailer: ImapBench corpus\r\n\r\n");

        var target = 4096 - 1200 + random.Next(2400) - header.Length;
        var body = new StringBuilder();
        var mentionAt = random.Next(40) == 0 ? random.Next(Math.Max(1, target / 70)) : -1;
        var lineNumber = 0;
        while (body.Length < target)
        {
            var line = new StringBuilder();
            if (lineNumber == mentionAt)
            {
                line.Append("The ").Append(BodyTerm).Append(' ');
            }

            while (line.Length < 60)
            {
                line.Append(BodyWords[random.Next(BodyWords.Length)]).Append(' ');
            }

            line.Length--;
            body.Append(line).Append(random.Next(6) == 0 ? ".\r\n\r\n" : "\r\n");
            lineNumber++;
        }

        var text = header.Append(body).ToString();
        return new BenchMessage(Encoding.ASCII.GetBytes(text), from, subject, body.ToString(), date, messageId, flags);
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>RFC 5322 §3.3 date-time with a numeric zone.</summary>
    private static string FormatDate(DateTimeOffset date, string zone) =>
        date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + zone;
}

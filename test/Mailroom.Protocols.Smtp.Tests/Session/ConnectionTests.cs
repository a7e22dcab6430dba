using System.Net;
using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task A_554_greeting_answers_503_until_quit()
    {
        var backend = new FakeBackend { ConnectRefusal = new SmtpReply(554, "5.7.1", "Connection refused by policy") };
        await using var smtp = SmtpTestHarness.Start(backend);
        Assert.Equal("554 5.7.1 Connection refused by policy", (await smtp.ReadReplyAsync()).Last);
        await smtp.ExpectAsync("EHLO client.example", "503 5.5.1");
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "503 5.5.1");
        await smtp.ExpectAsync("QUIT", "221 2.0.0");
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task A_421_greeting_closes_at_once()
    {
        var backend = new FakeBackend { ConnectRefusal = new SmtpReply(421, "4.3.2", "Service not active") };
        await using var smtp = SmtpTestHarness.Start(backend);
        Assert.Equal("421 4.3.2", (await smtp.ReadReplyAsync()).Status);
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Connections_per_source_are_limited_per_connector()
    {
        var counter = new ConnectionCounter();
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { MaxConnectionsPerSource = 1 } };
        var client = new IPEndPoint(IPAddress.Parse("192.0.2.50"), 1000);
        await using var first = SmtpTestHarness.Start(backend, counter: counter, remote: client);
        Assert.Equal(220, (await first.ReadReplyAsync()).Code);
        await using (var second = SmtpTestHarness.Start(backend, counter: counter, remote: client))
        {
            Assert.Equal("421 4.3.2", (await second.ReadReplyAsync()).Status);
            Assert.True(await second.IsClosedAsync());
        }

        Assert.Equal(1, backend.SessionsEnded);

        await using var other = SmtpTestHarness.Start(backend, counter: counter, remote: new IPEndPoint(IPAddress.Parse("192.0.2.51"), 1000));
        Assert.Equal(220, (await other.ReadReplyAsync()).Code);
        await first.ExpectAsync("QUIT", "221");
        await first.WaitForSessionEndAsync();
        await using var third = SmtpTestHarness.Start(backend, counter: counter, remote: client);
        Assert.Equal(220, (await third.ReadReplyAsync()).Code);
    }

    [Fact]
    public async Task Recipients_past_the_limit_get_452_4_5_3()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { MaxRecipientsPerMessage = 2 } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b1@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("RCPT TO:<b2@test.example>", "250 2.1.5");
        Assert.Equal("452 4.5.3 Too many recipients", (await smtp.CommandAsync("RCPT TO:<b3@test.example>")).Last);
    }

    [Fact]
    public async Task Backend_decisions_and_failures_are_relayed()
    {
        var backend = new FakeBackend();
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("MAIL FROM:<blocked@example.org>", "550 5.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "503 5.5.1");
        backend.ThrowOnMail = true;
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "451 4.3.0");
        Assert.Contains(smtp.Logs.Entries, e => e.Id.Id == 3014);
        backend.ThrowOnMail = false;
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }

    [Fact]
    public async Task The_backend_sees_the_connection_and_the_end_of_the_session()
    {
        var backend = new FakeBackend();
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("QUIT", "221 2.0.0");
        await smtp.WaitForSessionEndAsync();
        var connection = Assert.Single(backend.Connections);
        Assert.Equal("192.0.2.10", connection.RemoteEndPoint!.Address.ToString());
        Assert.Equal("Smtp", connection.ListenerName);
        Assert.False(connection.IsTls);
        Assert.Equal(1, backend.SessionsEnded);
    }

    [Fact]
    public async Task Custom_banner_and_helo()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { Banner = "220 Contoso Corporation" } };
        await using var smtp = SmtpTestHarness.Start(backend);
        Assert.Equal("220 Contoso Corporation", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal(["250 mx.test.example Hello [192.0.2.10]"], (await smtp.CommandAsync("HELO old.client")).Lines);
        await smtp.ExpectAsync("HELP", "214 2.0.0");
    }

    [Fact]
    public async Task Transcript_logs_the_conversation_with_credentials_redacted()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowPlaintextAuthentication = true } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0secret"));
        await smtp.ExpectAsync("AUTH PLAIN " + plain, "235 2.7.0");
        await smtp.ExpectAsync("MAIL FROM:<alice@test.example>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        await smtp.ExpectAsync("Subject: private\r\n\r\nbody text\r\n.", "250 2.6.0");
        await smtp.ExpectAsync("QUIT", "221");
        await smtp.WaitForSessionEndAsync();
        var transcript = smtp.Logs.Entries.Where(e => e.Category == "Mailroom.Smtp.Transcript").Select(e => e.Message).ToList();
        Assert.Contains(transcript, l => l.EndsWith("C: AUTH PLAIN ***", StringComparison.Ordinal));
        Assert.Contains(transcript, l => l.EndsWith("C: MAIL FROM:<alice@test.example>", StringComparison.Ordinal));
        Assert.Contains(transcript, l => l.EndsWith("S: 250 2.1.0 Sender OK", StringComparison.Ordinal));
        Assert.Contains(transcript, l => l.EndsWith("C: <31 octets of message content>", StringComparison.Ordinal));
        var all = string.Join("\n", smtp.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain(plain, all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("body text", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_responses_are_redacted_too()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowPlaintextAuthentication = true } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("AUTH LOGIN", "334");
        await smtp.ExpectAsync(Convert.ToBase64String("alice"u8.ToArray()), "334");
        await smtp.ExpectAsync(Convert.ToBase64String("secret"u8.ToArray()), "235");
        var all = string.Join("\n", smtp.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain(Convert.ToBase64String("secret"u8.ToArray()), all, StringComparison.Ordinal);
        Assert.Equal(2, smtp.Logs.Entries.Count(e => e.Message.EndsWith("C: ***", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Transcript_is_off_by_default()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.EnableTranscript = false);
        await smtp.ExpectAsync("NOOP", "250");
        Assert.DoesNotContain(smtp.Logs.Entries, e => e.Category == "Mailroom.Smtp.Transcript");
    }
}

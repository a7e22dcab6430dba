using System.Text;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>STARTTLS (RFC 3207) with a real TLS handshake over the in-memory pipes.</summary>
public sealed class StartTlsTests
{
    [Fact]
    public async Task Starttls_upgrades_then_the_client_says_ehlo_again_and_may_authenticate()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        Assert.Equal("220 2.0.0 SMTP server ready", (await smtp.CommandAsync("STARTTLS")).Last);
        await smtp.StartClientTlsAsync();
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "503 5.5.1");
        var ehlo = await smtp.CommandAsync("EHLO client.example");
        Assert.DoesNotContain("250-STARTTLS", ehlo.Lines);
        Assert.Contains("250-AUTH PLAIN LOGIN", ehlo.Lines);
        await smtp.ExpectAsync("STARTTLS", "503 5.5.1");
        await smtp.ExpectAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0secret")), "235 2.7.0");
        await smtp.ExpectAsync("MAIL FROM:<alice@test.example>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        await smtp.ExpectAsync("Subject: secure\r\n\r\n..dot\r\n.", "250 2.6.0");
        var message = Assert.Single(smtp.Backend.Messages);
        Assert.Equal("Subject: secure\r\n\r\n.dot\r\n", message.Text);
        Assert.Equal("ESMTPSA", message.Protocol);
        await smtp.ExpectAsync("QUIT", "221 2.0.0");
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Plaintext_pipelined_after_starttls_is_discarded_not_executed()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.SendAsync("STARTTLS\r\nMAIL FROM:<injected@evil.example>\r\nRCPT TO:<victim@test.example>\r\n");
        Assert.Equal("220 2.0.0", (await smtp.ReadReplyAsync()).Status);
        await smtp.StartClientTlsAsync();
        await smtp.ExpectAsync("EHLO client.example", "250");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "503 5.5.1");
        Assert.Contains(smtp.Logs.Entries, e => e.Id.Id == 3009 && e.Message.Contains("discarded 66 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starttls_is_neither_offered_nor_accepted_without_a_certificate()
    {
        await using var smtp = SmtpTestHarness.Start(configure: o => o.Certificate = null);
        await smtp.ReadReplyAsync();
        Assert.DoesNotContain("250-STARTTLS", (await smtp.CommandAsync("EHLO x")).Lines);
        await smtp.ExpectAsync("STARTTLS", "502 5.5.1");
    }

    [Fact]
    public async Task Starttls_is_not_offered_when_the_connector_disables_it()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { OfferStartTls = false } };
        await using var smtp = SmtpTestHarness.Start(backend);
        await smtp.ReadReplyAsync();
        Assert.DoesNotContain("250-STARTTLS", (await smtp.CommandAsync("EHLO x")).Lines);
    }

    [Fact]
    public async Task Required_tls_is_satisfied_after_starttls()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { RequireTls = true } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "530 5.7.0");
        await smtp.ExpectAsync("STARTTLS", "220 2.0.0");
        await smtp.StartClientTlsAsync();
        await smtp.ExpectAsync("EHLO client.example", "250");
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }

    [Fact]
    public async Task Failed_handshake_ends_the_session()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("STARTTLS", "220 2.0.0");
        await smtp.SendAsync("this is not a TLS ClientHello\r\n");
        await smtp.WaitForSessionEndAsync();
        Assert.Contains(smtp.Logs.Entries, e => e.Id.Id == 3007);
        Assert.Equal(1, smtp.Backend.SessionsEnded);
    }
}

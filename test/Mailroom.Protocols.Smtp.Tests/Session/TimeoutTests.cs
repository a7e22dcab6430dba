namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>Timeouts run on the fake clock: the test moves time, nothing sleeps.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task Idle_client_gets_421_4_4_2_and_is_disconnected()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { ConnectionTimeout = null } };
        await using var smtp = SmtpTestHarness.Start(backend);
        await smtp.ReadReplyAsync();
        smtp.Time.Advance(TimeSpan.FromMinutes(4));
        await smtp.ExpectAsync("EHLO client.example", "250");
        smtp.Time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        smtp.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("421 4.4.2 mx.test.example Timeout waiting for client input, closing transmission channel", (await smtp.ReadReplyAsync()).Last);
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Stalled_data_times_out_and_aborts_the_message()
    {
        var backend = new FakeBackend();
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend, o => o.DataTimeout = TimeSpan.FromMinutes(3));
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        smtp.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("421 4.4.2", (await smtp.ReadReplyAsync()).Status);
        Assert.True(await smtp.IsClosedAsync());
        await smtp.WaitForSessionEndAsync();
        Assert.Equal(1, backend.Aborts);
        Assert.Empty(backend.Messages);
    }

    [Fact]
    public async Task Stalled_bdat_chunk_times_out()
    {
        var backend = new FakeBackend();
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.SendAsync("BDAT 100 LAST\r\nonly a little");
        await backend.FirstWrite.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await SmtpTestHarness.WaitUntilAsync(() => smtp.Time.ActiveTimers > 0);

        smtp.Time.Advance(smtp.Options.DataTimeout);
        Assert.Equal("421 4.4.2", (await smtp.ReadReplyAsync()).Status);
        await smtp.WaitForSessionEndAsync();
        Assert.Equal(1, backend.Aborts);
    }

    [Fact]
    public async Task Sasl_exchange_waits_at_most_the_idle_timeout()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { AllowPlaintextAuthentication = true } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("AUTH LOGIN", "334");
        smtp.Time.Advance(smtp.Options.IdleTimeout);
        Assert.Equal("421 4.4.2", (await smtp.ReadReplyAsync()).Status);
    }

    [Fact]
    public async Task Connection_lifetime_is_capped_even_when_busy()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { ConnectionTimeout = TimeSpan.FromMinutes(10) } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        smtp.Time.Advance(TimeSpan.FromMinutes(4));
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        smtp.Time.Advance(TimeSpan.FromMinutes(4));
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        smtp.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("421 4.4.2 mx.test.example Connection timeout exceeded, closing transmission channel", (await smtp.ReadReplyAsync()).Last);
        Assert.True(await smtp.IsClosedAsync());
    }
}

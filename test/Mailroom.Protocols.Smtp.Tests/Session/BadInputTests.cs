namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>issue 3 "Bad input": every case gets its reply code and enhanced code, and the session survives.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("XYZZY", "500 5.5.1")]
    [InlineData("MAIL FROM <a@example.org>", "501 5.5.4")]
    [InlineData("MAIL FROM:<not an address>", "501 5.1.7")]
    [InlineData("EHLO", "501 5.5.4")]
    [InlineData("RCPT TO:<b@test.example>", "503 5.5.1")]
    [InlineData("DATA", "503 5.5.1")]
    [InlineData("BDAT 0 LAST", "503 5.5.1")]
    [InlineData("VRFY postmaster", "252 2.1.5")]
    [InlineData("EXPN staff", "502 5.5.1")]
    [InlineData("AUTH CRAM-MD5", "504 5.5.4")]
    [InlineData("MAIL FROM:<a@example.org> FOO=BAR", "555 5.5.4")]
    public async Task Each_bad_command_gets_its_reply_and_the_session_goes_on(string command, string status)
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.MaxBadCommands = 100);
        await smtp.ExpectAsync(command, status);
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
    }

    [Fact]
    public async Task Commands_before_hello_are_out_of_sequence()
    {
        await using var smtp = SmtpTestHarness.Start();
        await smtp.ReadReplyAsync();
        Assert.Equal("503 5.5.1 Send hello first", (await smtp.CommandAsync("MAIL FROM:<a@example.org>")).Last);
        await smtp.ExpectAsync("STARTTLS", "503 5.5.1");
        await smtp.ExpectAsync("VRFY bob", "252 2.1.5");
        await smtp.ExpectAsync("HELO client.example", "250");
    }

    [Fact]
    public async Task Vrfy_is_the_disabled_answer() =>
        Assert.Equal("252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery",
            (await (await SmtpTestHarness.StartGreetedAsync()).CommandAsync("VRFY alice")).Last);

    [Fact]
    public async Task Line_too_long_is_500_5_5_6()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("NOOP " + new string('x', 600), "500 5.5.6");
        await smtp.ExpectAsync("NOOP " + new string('x', 50_000), "500 5.5.6");
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
    }

    [Fact]
    public async Task Bare_lf_in_a_command_is_rejected()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.SendAsync("MAIL FROM:<a@example.org>\n");
        Assert.Equal("500 5.5.2", (await smtp.ReadReplyAsync()).Status);
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "503 5.5.1");
    }

    [Fact]
    public async Task Nul_in_a_command_is_rejected()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.SendAsync("MAIL FROM:<a@example.org>\0\r\n");
        Assert.Equal("500 5.5.2 NUL characters are not allowed in commands", (await smtp.ReadReplyAsync()).Last);
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "503 5.5.1");
    }

    [Fact]
    public async Task Bare_cr_and_invalid_utf8_are_syntax_errors()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("NOOP a\rb", "500 5.5.2");
        await smtp.SendAsync([.. "NOOP "u8, 0xFF, 0xFE, (byte)'\r', (byte)'\n']);
        Assert.Equal("500 5.5.2", (await smtp.ReadReplyAsync()).Status);
    }

    [Fact]
    public async Task Too_many_errors_close_the_connection_with_421()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.MaxBadCommands = 3);
        for (var i = 0; i < 3; i++)
        {
            await smtp.ExpectAsync("BOGUS", "500 5.5.1");
        }

        Assert.Equal("421 4.7.0 mx.test.example Too many errors on this connection, closing transmission channel", (await smtp.CommandAsync("BOGUS")).Last);
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Too_many_commands_close_the_connection_with_421()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.MaxCommandsPerSession = 4);
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        await smtp.ExpectAsync("NOOP", "421 4.7.0");
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Requiring_tls_refuses_mail_commands_in_plaintext()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { RequireTls = true } };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", (await smtp.CommandAsync("MAIL FROM:<a@example.org>")).Last);
        await smtp.ExpectAsync("VRFY bob", "530 5.7.0");
        await smtp.SendAsync("BDAT 6 LAST\r\nNOOP\r\nNOOP\r\n");
        Assert.Equal("503 5.5.1", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0", (await smtp.ReadReplyAsync()).Status);
    }

    [Fact]
    public async Task Random_garbage_never_breaks_the_session()
    {
        var random = new Random(20260115);
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.MaxBadCommands = 100_000);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 80)];
            random.NextBytes(bytes);
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = bytes[j] is (byte)'\n' or (byte)'\r' ? (byte)'x' : bytes[j];
            }

            // Avoid verbs that legitimately change the conversation (DATA, BDAT, QUIT, STARTTLS, AUTH).
            await smtp.SendAsync([.. "XX"u8, .. bytes, (byte)'\r', (byte)'\n']);
            Assert.Equal(500, (await smtp.ReadReplyAsync()).Code);
        }

        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }
}

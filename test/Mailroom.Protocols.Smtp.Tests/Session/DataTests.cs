using System.Text;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class DataTests
{
    private static async Task<SmtpTestHarness> InDataAsync(FakeBackend? backend = null, Action<SmtpServerOptions>? configure = null)
    {
        var smtp = await SmtpTestHarness.StartGreetedAsync(backend, configure);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        return smtp;
    }

    [Fact]
    public async Task Dot_stuffing_and_the_terminator_work_across_chunk_boundaries()
    {
        await using var smtp = await InDataAsync();
        foreach (var piece in new[] { "Subject: x\r\n\r\n.", ".leading dot\r", "\n", ".", ".", "\r\nend\r\n", ".", "\r", "\n" })
        {
            await smtp.SendAsync(piece);
        }

        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("Subject: x\r\n\r\n.leading dot\r\n.\r\nend\r\n", Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Content_streams_to_the_sink_before_the_message_ends()
    {
        var backend = new FakeBackend();
        await using var smtp = await InDataAsync(backend);
        await smtp.SendAsync("Subject: streaming\r\n\r\nfirst part\r\n");
        Assert.True(await backend.FirstWrite.Task.WaitAsync(TimeSpan.FromSeconds(20)) > 0);
        Assert.Empty(backend.Messages);
        await smtp.SendAsync("second part\r\n.\r\n");
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        var message = Assert.Single(backend.Messages);
        Assert.True(message.Writes >= 2);
        Assert.Equal("Subject: streaming\r\n\r\nfirst part\r\nsecond part\r\n", message.Text);
    }

    [Fact]
    public async Task Empty_message_is_accepted()
    {
        await using var smtp = await InDataAsync();
        Assert.Equal("250 2.6.0", (await smtp.CommandAsync(".")).Status);
        Assert.Equal(string.Empty, Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Size_limit_is_enforced_while_reading_and_the_session_goes_on()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { MaxMessageSize = 1000 } };
        await using var smtp = await InDataAsync(backend);
        for (var i = 0; i < 50; i++)
        {
            await smtp.SendAsync(new string('x', 98) + "\r\n");
        }

        Assert.Equal("552 5.3.4 Message size exceeds fixed maximum message size", (await smtp.CommandAsync(".")).Last);
        Assert.Empty(backend.Messages);
        Assert.Equal(1, backend.Aborts);
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "503 5.5.1");
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }

    [Fact]
    public async Task Message_of_exactly_the_limit_is_accepted()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { MaxMessageSize = 100 } };
        await using var smtp = await InDataAsync(backend);
        Assert.Equal("250 2.6.0", (await smtp.CommandAsync(new string('x', 98) + "\r\n.")).Status);
        Assert.Equal(100, Assert.Single(backend.Messages).Body.Length);
    }

    [Fact]
    public async Task Declared_size_over_the_limit_is_refused_at_mail()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("MAIL FROM:<a@example.org> SIZE=37748737", "552 5.3.4");
        await smtp.ExpectAsync("MAIL FROM:<a@example.org> SIZE=37748736", "250 2.1.0");
    }

    [Fact]
    public async Task Bare_lf_in_content_fails_the_message()
    {
        await using var smtp = await InDataAsync();
        Assert.Equal("554 5.6.0", (await smtp.CommandAsync("Subject: x\n\nsmuggled\n.\nMAIL FROM:<x@y.example>\r\n.")).Status);
        Assert.Empty(smtp.Backend.Messages);
        await smtp.ExpectAsync("NOOP", "250 2.0.0");
    }

    [Fact]
    public async Task Bare_lf_can_be_allowed()
    {
        await using var smtp = await InDataAsync(configure: o => o.RejectBareLineFeedInMessage = false);
        Assert.Equal("250 2.6.0", (await smtp.CommandAsync("a\nb\r\n.")).Status);
        Assert.Equal("a\nb\r\n", Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Text_lines_up_to_1000_octets_are_allowed_longer_ones_fail_the_message()
    {
        await using var smtp = await InDataAsync();
        Assert.Equal("250 2.6.0", (await smtp.CommandAsync(new string('a', 998) + "\r\n.")).Status);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        Assert.Equal("554 5.6.0", (await smtp.CommandAsync(new string('a', 999) + "\r\n.")).Status);
        Assert.Single(smtp.Backend.Messages);
    }

    [Fact]
    public async Task Backend_refusing_the_message_answers_data_instead_of_354()
    {
        var backend = new FakeBackend { BeginRefusal = new SmtpReply(452, "4.3.1", "Insufficient system resources") };
        await using var smtp = await SmtpTestHarness.StartGreetedAsync(backend);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "452 4.3.1");
        await smtp.ExpectAsync("RSET", "250 2.0.0");
    }

    [Fact]
    public async Task Utf8_transaction_is_received()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("MAIL FROM:<jösé@bücher.example> SMTPUTF8 BODY=8BITMIME", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<名前@例え.jp>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        await smtp.SendAsync(Encoding.UTF8.GetBytes("Subject: héllo\r\n\r\nçà\r\n.\r\n"));
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        var message = Assert.Single(smtp.Backend.Messages);
        Assert.Equal("Subject: héllo\r\n\r\nçà\r\n", message.Text);
        Assert.Equal("UTF8SMTP", message.Protocol);
    }

    [Fact]
    public async Task Connection_lost_mid_data_aborts_the_sink()
    {
        var backend = new FakeBackend();
        var smtp = await InDataAsync(backend);
        await smtp.SendAsync("partial content\r\n");
        await smtp.DisposeAsync();
        Assert.Equal(1, backend.Aborts);
        Assert.Empty(backend.Messages);
        Assert.Equal(1, backend.SessionsEnded);
    }
}

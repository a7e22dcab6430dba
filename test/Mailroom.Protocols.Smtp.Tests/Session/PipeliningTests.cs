namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>RFC 2920: commands sent in one batch are answered in order, one reply each.</summary>
public sealed class PipeliningTests
{
    [Fact]
    public async Task Pipelined_envelope_then_data_is_answered_in_order()
    {
        await using var smtp = SmtpTestHarness.Start();
        await smtp.ReadReplyAsync();
        await smtp.SendAsync("EHLO client.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@test.example>\r\nRCPT TO:<unknown@test.example>\r\nRCPT TO:<c@test.example>\r\nDATA\r\n");
        Assert.Equal(250, (await smtp.ReadReplyAsync()).Code);
        Assert.Equal("250 2.1.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.1.5", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal("250 2.1.5", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal(354, (await smtp.ReadReplyAsync()).Code);
        await smtp.SendAsync("Subject: pipelined\r\n\r\nbody\r\n.\r\nRSET\r\nMAIL FROM:<>\r\nRCPT TO:<b@test.example>\r\nNOOP\r\n");
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0 Resetting", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal("250 2.1.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.1.5", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0 OK", (await smtp.ReadReplyAsync()).Last);
        var message = Assert.Single(smtp.Backend.Messages);
        Assert.Equal(["b@test.example", "c@test.example"], message.Envelope.Recipients.Select(r => r.ForwardPath.Address));
    }

    [Fact]
    public async Task Pipelined_bdat_chunks_with_their_content_are_answered_in_order()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.SendAsync("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@test.example>\r\nBDAT 5\r\nHelloBDAT 9 LAST\r\n, world\r\nNOOP\r\n");
        Assert.Equal("250 2.1.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.1.5", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0 5 octets received", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("Hello, world\r\n", Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Content_sent_before_the_354_is_a_synchronization_error()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.SendAsync("DATA\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@test.example>\r\n.\r\n");
        Assert.Equal("554 5.5.0 SMTP synchronization error", (await smtp.ReadReplyAsync()).Last);
        Assert.True(await smtp.IsClosedAsync());
        Assert.Empty(smtp.Backend.Messages);
    }
}

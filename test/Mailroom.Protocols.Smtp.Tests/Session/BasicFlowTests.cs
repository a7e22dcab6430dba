namespace Mailroom.Protocols.Smtp.Tests;

public sealed class BasicFlowTests
{
    [Fact]
    public async Task Banner_names_the_connector_fqdn_and_the_date()
    {
        await using var smtp = SmtpTestHarness.Start();
        var banner = await smtp.ReadReplyAsync();
        Assert.Equal("220 mx.test.example Mailroom ESMTP MAIL service ready at Thu, 15 Jan 2026 12:00:00 +0000", banner.Last);
    }

    [Fact]
    public async Task Ehlo_advertises_the_extensions_in_order()
    {
        await using var smtp = SmtpTestHarness.Start();
        await smtp.ReadReplyAsync();
        var ehlo = await smtp.CommandAsync("EHLO client.example");
        Assert.Equal(
            ["250-mx.test.example Hello [192.0.2.10]", "250-SIZE 37748736", "250-PIPELINING", "250-DSN", "250-ENHANCEDSTATUSCODES",
             "250-STARTTLS", "250-8BITMIME", "250-CHUNKING", "250 SMTPUTF8"],
            ehlo.Lines);
    }

    [Fact]
    public async Task Plain_message_is_received_and_queued()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.ExpectAsync("MAIL FROM:<sender@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<bob@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "354");
        var queued = await smtp.CommandAsync("Subject: hi\r\n\r\nHello\r\n.");
        Assert.Equal("250 2.6.0 <1@mx.test.example> Queued mail for delivery", queued.Last);
        await smtp.ExpectAsync("QUIT", "221 2.0.0");
        Assert.True(await smtp.IsClosedAsync());
        var message = Assert.Single(smtp.Backend.Messages);
        Assert.Equal("Subject: hi\r\n\r\nHello\r\n", message.Text);
        Assert.Equal("sender@example.org", message.Envelope.MailFrom.ReversePath.Address);
        Assert.Equal("bob@test.example", Assert.Single(message.Envelope.Recipients).ForwardPath.Address);
    }
}

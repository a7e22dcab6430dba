namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>CHUNKING (RFC 3030).</summary>
public sealed class BdatTests
{
    private static async Task<SmtpTestHarness> InTransactionAsync(FakeBackend? backend = null, Action<SmtpServerOptions>? configure = null)
    {
        var smtp = await SmtpTestHarness.StartGreetedAsync(backend, configure);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        return smtp;
    }

    [Fact]
    public async Task Chunks_are_stored_verbatim_without_unstuffing()
    {
        await using var smtp = await InTransactionAsync();
        await smtp.SendAsync("BDAT 12\r\n.\r\nline\r\n.\r\n");
        Assert.Equal("250 2.0.0 12 octets received", (await smtp.ReadReplyAsync()).Last);
        await smtp.SendAsync("BDAT 3 LAST\r\nend");
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal(".\r\nline\r\n.\r\nend", Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Bdat_0_last_ends_the_message()
    {
        await using var smtp = await InTransactionAsync();
        await smtp.SendAsync("BDAT 4\r\nabcd");
        Assert.Equal("250 2.0.0", (await smtp.ReadReplyAsync()).Status);
        await smtp.ExpectAsync("BDAT 0 LAST", "250 2.6.0");
        Assert.Equal("abcd", Assert.Single(smtp.Backend.Messages).Text);
        await smtp.ExpectAsync("BDAT 0 LAST", "503 5.5.1");
    }

    [Fact]
    public async Task Bdat_0_last_alone_is_an_empty_message()
    {
        await using var smtp = await InTransactionAsync();
        await smtp.ExpectAsync("BDAT 0 LAST", "250 2.6.0");
        Assert.Empty(Assert.Single(smtp.Backend.Messages).Body);
    }

    [Fact]
    public async Task Chunk_content_may_arrive_in_pieces()
    {
        await using var smtp = await InTransactionAsync();
        await smtp.SendAsync("BDAT 10 LAST\r\n01");
        await smtp.SendAsync("2345");
        await smtp.SendAsync("6789NOOP\r\n");
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("250 2.0.0 OK", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal("0123456789", Assert.Single(smtp.Backend.Messages).Text);
    }

    [Fact]
    public async Task Size_limit_is_enforced_across_chunks_and_later_chunks_are_still_consumed()
    {
        var backend = new FakeBackend { Policy = new FakeBackend().Policy with { MaxMessageSize = 10 } };
        await using var smtp = await InTransactionAsync(backend);
        await smtp.SendAsync("BDAT 6\r\n123456BDAT 6\r\n789012BDAT 6\r\nMAIL F");
        Assert.Equal("250 2.0.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("552 5.3.4", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal("552 5.3.4", (await smtp.ReadReplyAsync()).Status);
        await smtp.SendAsync("BDAT 2 LAST\r\nxx");
        Assert.Equal("552 5.3.4", (await smtp.ReadReplyAsync()).Status);
        Assert.Empty(backend.Messages);
        Assert.Equal(1, backend.Aborts);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
    }

    [Fact]
    public async Task Out_of_sequence_bdat_is_refused_and_its_content_skipped()
    {
        await using var smtp = await SmtpTestHarness.StartGreetedAsync();
        await smtp.SendAsync("BDAT 23 LAST\r\nMAIL FROM:<x@example>\r\nNOOP\r\n");
        Assert.Equal("503 5.5.1 Need MAIL command", (await smtp.ReadReplyAsync()).Last);
        Assert.Equal("250 2.0.0 OK", (await smtp.ReadReplyAsync()).Last);
    }

    [Fact]
    public async Task Unreadable_bdat_size_closes_the_session()
    {
        await using var smtp = await InTransactionAsync();
        await smtp.ExpectAsync("BDAT ten", "501 5.5.4");
        Assert.True(await smtp.IsClosedAsync());
    }

    [Fact]
    public async Task Rset_during_chunking_aborts_the_message()
    {
        var backend = new FakeBackend();
        await using var smtp = await InTransactionAsync(backend);
        await smtp.SendAsync("BDAT 3\r\nabc");
        Assert.Equal("250 2.0.0", (await smtp.ReadReplyAsync()).Status);
        await smtp.ExpectAsync("DATA", "503 5.5.1");
        await smtp.ExpectAsync("RSET", "250 2.0.0");
        Assert.Equal(1, backend.Aborts);
        await smtp.ExpectAsync("BDAT 0 LAST", "503 5.5.1");
    }

    [Fact]
    public async Task Binarymime_needs_bdat_and_must_be_advertised()
    {
        await using (var plain = await SmtpTestHarness.StartGreetedAsync())
        {
            await plain.ExpectAsync("MAIL FROM:<a@example.org> BODY=BINARYMIME", "555 5.5.4");
        }

        await using var smtp = await SmtpTestHarness.StartGreetedAsync(configure: o => o.AdvertiseBinaryMime = true);
        await smtp.ExpectAsync("MAIL FROM:<a@example.org> BODY=BINARYMIME", "250 2.1.0");
        await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
        await smtp.ExpectAsync("DATA", "503 5.5.1");
        await smtp.SendAsync("BDAT 3 LAST\r\n\0\u0001\u0002");
        Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        Assert.Equal([0, 1, 2], Assert.Single(smtp.Backend.Messages).Body);
    }

    [Fact]
    public async Task Chunking_is_not_advertised_when_disabled()
    {
        await using var smtp = SmtpTestHarness.Start(configure: o => o.AdvertiseChunking = false);
        await smtp.ReadReplyAsync();
        Assert.DoesNotContain("250-CHUNKING", (await smtp.CommandAsync("EHLO x")).Lines);
    }
}

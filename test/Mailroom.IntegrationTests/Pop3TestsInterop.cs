using System.Diagnostics;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>Other clients against the node's POP3: curl over STLS and implicit TLS, and SMTP-in, POP3-out byte equality.</summary>
public sealed class Pop3InteropTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task CurlListsAndRetrievesOverStlsAndImplicitTls()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("curl one", "First body.\r\n"), Pop3Mailboxes.Message("curl two", "..dots\r\nSecond body.\r\n"));
        var inbox = await Pop3Mailboxes.InboxAsync(node, alias);
        var user = $"{alias}@contoso.com:{Pop3Mailboxes.Password}";

        var listing = await CurlAsync("--ssl-reqd", $"pop3://127.0.0.1:{node.Pop3Port}/", "-u", user);
        Assert.Equal(inbox.Messages.Select((m, i) => $"{i + 1} {m.Bytes.Length}"), listing.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var second = await CurlAsync($"pop3s://127.0.0.1:{node.Pop3sPort}/2", "-u", user);
        Assert.Equal(Encoding.UTF8.GetString(inbox.Messages[1].Bytes), second);
    }

    [Fact]
    public async Task AMessageSentWithSmtpComesBackByteForByteThroughRetr()
    {
        var alias = Pop3Mailboxes.Create(node);
        var subject = "round trip " + Guid.NewGuid();
        var message = new MimeMessage([MailboxAddress.Parse("sender@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], subject,
            new TextPart("plain") { Text = "Line one\n.Line starting with a dot\n\nLast line" });
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        await Inbox.WaitForAsync(node, alias, subject);
        var stored = Assert.Single((await Pop3Mailboxes.InboxAsync(node, alias)).Messages).Bytes;

        using var client = await Pop3Mailboxes.ConnectAsync(node, implicitTls: true);
        await client.AuthenticateAsync(alias, Pop3Mailboxes.Password);
        Assert.Equal(stored.Length, (await client.GetMessageSizeAsync(0)));
        await using var retrieved = new MemoryStream();
        await using (var stream = await client.GetStreamAsync(0))
        {
            await stream.CopyToAsync(retrieved);
        }

        await client.DisconnectAsync(true);
        Assert.Equal(stored, retrieved.ToArray());

        // What transport added (Return-Path, Received) comes first; the rest is what the client sent.
        using var sent = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, sent);
        var sentText = Encoding.UTF8.GetString(sent.ToArray());
        var retrievedText = Encoding.UTF8.GetString(retrieved.ToArray());
        Assert.EndsWith(sentText, retrievedText);
        Assert.StartsWith("Return-Path: <sender@example.org>\r\nReceived: ", retrievedText);
    }

    private static async Task<string> CurlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-skS", "--max-time", "20" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var errors = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, $"curl {string.Join(' ', arguments)} failed ({curl.ExitCode}): {await errors}");
        return await output;
    }
}

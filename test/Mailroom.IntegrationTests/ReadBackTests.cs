using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>
/// One message in through SMTP, out through IMAP (MailKit and curl) and POP3: every reader gets the same bytes, and
/// they are what the client sent behind the trace fields transport adds.
/// </summary>
public sealed class ReadBackTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task SmtpInImapAndPop3OutGiveTheSameBytes()
    {
        var alias = Pop3Mailboxes.Create(node);
        var subject = "read back " + Guid.NewGuid();
        var message = new MimeMessage([MailboxAddress.Parse("sender@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], subject,
            new Multipart("mixed")
            {
                new TextPart("plain") { Text = "Grüße aus Köln.\n.A line starting with a dot\n" },
                new MimePart("application", "octet-stream") { Content = new MimeContent(new MemoryStream(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray())), FileName = "data.bin", ContentTransferEncoding = ContentEncoding.Base64 },
            });
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        await Inbox.WaitForAsync(node, alias, subject);

        byte[] viaImap;
        UniqueId uid;
        using (var imap = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await imap.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
            await imap.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            uid = Assert.Single(await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(subject)));
            await using var stream = await imap.Inbox.GetStreamAsync(uid, string.Empty);
            viaImap = await ReadAllAsync(stream);
            await imap.DisconnectAsync(true);
        }

        byte[] viaPop3;
        using (var pop3 = await Pop3Mailboxes.ConnectAsync(node, implicitTls: true))
        {
            await pop3.AuthenticateAsync(alias, Pop3Mailboxes.Password);
            await using var stream = await pop3.GetStreamAsync(0);
            viaPop3 = await ReadAllAsync(stream);
            await pop3.DisconnectAsync(true);
        }

        var viaCurl = await CurlAsync($"imaps://127.0.0.1:{node.ImapsPort}/INBOX;UID={uid.Id}", alias);

        Assert.Equal(viaImap, viaPop3);
        Assert.Equal(viaImap, viaCurl);
        using var sent = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, sent);
        Assert.True(viaImap.AsSpan().EndsWith(sent.ToArray()), "the stored message must end with what the client sent");
        Assert.StartsWith("Return-Path: <sender@example.org>\r\nReceived: ", System.Text.Encoding.ASCII.GetString(viaImap, 0, 60));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> CurlAsync(string url, string user)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-s", "-S", "-k", "--max-time", "20", "--user", $"{user}:{Pop3Mailboxes.Password}", url })
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        using var output = new MemoryStream();
        var copying = curl.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        await copying;
        Assert.True(curl.ExitCode == 0, $"curl exited {curl.ExitCode}: {await errors}");
        return output.ToArray();
    }
}

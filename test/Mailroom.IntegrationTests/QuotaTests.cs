using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>Exchange's three quotas in mail flow: the daily warning, no sending, no receiving.</summary>
public sealed class QuotaTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Password = "Pa55word!x";
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task AMailboxPastItsLimitsWarnsOnceThenCantSendThenCantReceive()
    {
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"New-Mailbox -Name carol -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
            shell.Run("Set-Mailbox carol -UseDatabaseQuotaDefaults $false -IssueWarningQuota 20KB -ProhibitSendQuota 30KB -ProhibitSendReceiveQuota 60KB").ThrowIfErrors();
        }

        // 25 KB: past the warning limit (20 KB, more than half of the 30 KB send limit), so one warning.
        await SendAsync("first " + Guid.NewGuid(), 25_000);
        await Inbox.WaitForAsync(node, "carol", "Your mailbox is almost full.");
        var second = "second " + Guid.NewGuid();
        await SendAsync(second, 10_000);
        await Inbox.WaitForAsync(node, "carol", second);
        var texts = await Inbox.MessagesAsync(node.Node.App.Services, "carol");
        Assert.Single(texts, t => t.Contains("Subject: Your mailbox is almost full.", StringComparison.Ordinal));

        // Past ProhibitSendQuota (30 KB): carol can't send.
        using (var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync("127.0.0.1", node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
            await client.AuthenticateAsync("carol@contoso.com", Password);
            var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("carol@contoso.com", "administrator@contoso.com", "blocked", 100)));
            Assert.Equal(554, (int)error.StatusCode);
            Assert.Contains("5.2.2", error.Message + error.ErrorCode);
        }

        // Past ProhibitSendReceiveQuota (60 KB): mail for carol is refused at RCPT.
        await SendAsync("third " + Guid.NewGuid(), 30_000);
        await Inbox.WaitForAsync(node, "carol", "third ");
        var full = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync("refused", 100));
        Assert.Equal(554, (int)full.StatusCode);
        Assert.Contains("mailbox full", full.Message);
    }

    private async Task SendAsync(string subject, int size)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(Message("sender@example.org", "carol@contoso.com", subject, size));
        await client.DisconnectAsync(true);
    }

    private static MimeMessage Message(string from, string to, string subject, int size) =>
        new([MailboxAddress.Parse(from)], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = new string('q', size) });
}

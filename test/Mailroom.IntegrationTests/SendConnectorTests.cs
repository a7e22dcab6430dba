using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>Two organizations on two nodes exchanging mail through a send connector with a smart host.</summary>
public sealed class SendConnectorTests : IAsyncLifetime
{
    private const string Password = "Pa55word!x";
    private TestNode contoso = null!;
    private TestNode fabrikam = null!;

    public async Task InitializeAsync()
    {
        contoso = await TestNode.StartAsync(serverName: "EX1", domain: "contoso.com");
        fabrikam = await TestNode.StartAsync(serverName: "FAB1", domain: "fabrikam.com");
        using (var shell = PowerShellSession.Connect(contoso))
        {
            shell.Run($"New-Mailbox -Name alice -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
            shell.Run($"New-SendConnector -Name 'To Fabrikam' -Usage Custom -AddressSpaces fabrikam.com -SmartHosts '[127.0.0.1]' -DNSRoutingEnabled $false -Port {fabrikam.SmtpPort}").ThrowIfErrors();
        }

        using (var shell = PowerShellSession.Connect(fabrikam))
        {
            shell.Run($"New-Mailbox -Name bob -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        }
    }

    public async Task DisposeAsync()
    {
        await contoso.DisposeAsync();
        await fabrikam.DisposeAsync();
    }

    [Fact]
    public async Task MailForTheOtherOrganizationIsRelayedAndDeliveredThere()
    {
        var subject = "Cross-org " + Guid.NewGuid();
        await SubmitAsync("bob@fabrikam.com", subject);

        var text = await InboxTextAsync(fabrikam, "bob", subject);
        Assert.Contains($"by {fabrikam.Node.Identity.Fqdn} (Mailroom)", text);
        Assert.Contains($"by {contoso.Node.Identity.Fqdn} (Mailroom) with ESMTPSA", text);
        Assert.Single(text.Split('\n'), l => l.StartsWith("Return-Path:", StringComparison.Ordinal));

        // Tracking events are written behind the mail, so give the SEND event a moment.
        using var shell = PowerShellSession.Connect(contoso);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var sent = shell.Run("Get-MessageTrackingLog -Recipients bob@fabrikam.com -EventId SEND").ThrowIfErrors();
        while (sent.Output.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            sent = shell.Run("Get-MessageTrackingLog -Recipients bob@fabrikam.com -EventId SEND").ThrowIfErrors();
        }

        Assert.Single(sent.Output);
    }

    [Fact]
    public async Task ARecipientTheOtherSideRefusesComesBackAsAnNdr()
    {
        var subject = "Bounce " + Guid.NewGuid();
        await SubmitAsync("nobody@fabrikam.com", subject);

        var ndr = await InboxTextAsync(contoso, "alice", "Undeliverable: " + subject);
        Assert.Contains("multipart/report", ndr);
        Assert.Contains("report-type=delivery-status", ndr);
        Assert.Contains("Final-Recipient: rfc822;nobody@fabrikam.com", ndr);
        Assert.Contains("Status: 5.1.1", ndr);
        Assert.Contains("From: Mail Delivery System <postmaster@contoso.com>", ndr);
        Assert.StartsWith("Return-Path: <>", ndr);
    }

    [Fact]
    public async Task MessagesToOneDestinationShareAConnection()
    {
        await using var recorder = new Testing.RecordingSmtpServer();
        using (var shell = PowerShellSession.Connect(contoso))
        {
            shell.Run($"New-SendConnector -Name 'To Recorder' -Usage Custom -AddressSpaces recorder.test -SmartHosts '[127.0.0.1]' -DNSRoutingEnabled $false -Port {recorder.Port}").ThrowIfErrors();
        }

        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync("someone@recorder.test", "Reuse " + i);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (recorder.Messages.Count <= i)
            {
                Assert.True(DateTime.UtcNow < deadline, "the recorder didn't receive message " + i);
                await Task.Delay(20);
            }
        }

        Assert.Equal(3, recorder.Messages.Count);
        Assert.Equal(1, recorder.Connections);
        Assert.All(recorder.Messages, m => Assert.DoesNotContain("Return-Path:", m.Data));
    }

    private async Task SubmitAsync(string to, string subject)
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", contoso.SubmissionPort, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync("alice@contoso.com", Password);
        await client.SendAsync(new MimeMessage([MailboxAddress.Parse("alice@contoso.com")], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = "Hi" }));
        await client.DisconnectAsync(true);
    }

    private static Task<string> InboxTextAsync(TestNode node, string alias, string subject) => Inbox.WaitForAsync(node, alias, subject);
}

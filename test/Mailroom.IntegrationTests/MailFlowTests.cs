
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>Mail through a real node with MailKit's SmtpClient: receive, submission, refusals, local delivery.</summary>
public sealed class MailFlowTests(NodeFixture fixture) : IClassFixture<NodeFixture>, IAsyncLifetime
{
    private const string Password = "Pa55word!x";
    private readonly TestNode node = fixture.Node;

    public async Task InitializeAsync()
    {
        using var shell = PowerShellSession.Connect(node);
        foreach (var alias in new[] { "alice", "bob" })
        {
            if (shell.Run($"Get-Mailbox {alias} -ErrorAction SilentlyContinue").Output.Count == 0)
            {
                shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
            }
        }

        await Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnonymousMailForALocalUserIsDeliveredToTheInbox()
    {
        var subject = "Hello " + Guid.NewGuid();
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
            await client.SendAsync(Message("sender@example.org", "alice@contoso.com", subject));
            await client.DisconnectAsync(true);
        }

        var text = await WaitForInboxMessageAsync("alice", subject);
        Assert.StartsWith("Return-Path: <sender@example.org>", text);
        Assert.Contains($"by {node.Node.Identity.Fqdn} (Mailroom) with ESMTP", text);
        Assert.Contains("Subject: " + subject, text);
    }

    [Fact]
    public async Task AnonymousSessionsAreRefusedUnknownUsersAndRelay()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
        var unknown = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("sender@example.org", "nobody@contoso.com", "x")));
        Assert.Equal(SmtpStatusCode.MailboxUnavailable, unknown.StatusCode);
        Assert.Contains("5.1.1", unknown.Message + " " + unknown.ErrorCode);
        var relay = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("sender@example.org", "victim@elsewhere.example", "relay?")));
        Assert.Equal(SmtpStatusCode.MailboxUnavailable, relay.StatusCode);
        Assert.Contains("Unable to relay", relay.Message);
    }

    [Fact]
    public async Task SubmissionNeedsTlsAndAuthenticationThenAcceptsOwnAddressesOnly()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.SubmissionPort, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        // MailKit reports the 530 of an unauthenticated MAIL FROM as ServiceNotAuthenticatedException.
        var anonymous = await Assert.ThrowsAsync<MailKit.ServiceNotAuthenticatedException>(() => client.SendAsync(Message("alice@contoso.com", "bob@contoso.com", "no auth")));
        Assert.Contains("5.7.0", anonymous.Message);

        await client.AuthenticateAsync("alice@contoso.com", Password);
        var spoof = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("bob@contoso.com", "bob@contoso.com", "spoof")));
        Assert.Contains("5.7.60", spoof.Message + spoof.ErrorCode);

        var subject = "Submitted " + Guid.NewGuid();
        await client.SendAsync(Message("alice@contoso.com", "bob@contoso.com", subject));
        await client.DisconnectAsync(true);
        var text = await WaitForInboxMessageAsync("bob", subject);
        Assert.Contains("with ESMTPSA", text);
    }

    [Fact]
    public async Task SendAsGrantedWithAddADPermissionLetsAUserSendAsAnother()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("New-Mailbox -Name dave -Password (ConvertTo-SecureString $args[0] -AsPlainText -Force)", Password).ThrowIfErrors();
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync("alice@contoso.com", Password);
        await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message("dave@contoso.com", "bob@contoso.com", "not yet")));

        shell.Run("Get-Mailbox dave | Add-ADPermission -User alice -ExtendedRights 'Send As'").ThrowIfErrors();
        Assert.Equal("contoso.com/Users/alice", shell.Run("(Get-ADPermission dave).User").ThrowIfErrors().Output[0].BaseObject);
        var subject = "As dave " + Guid.NewGuid();
        await client.SendAsync(Message("dave@contoso.com", "bob@contoso.com", subject));
        Assert.Contains("From: dave@contoso.com", await WaitForInboxMessageAsync("bob", subject));

        shell.Run("Remove-ADPermission dave -User alice -ExtendedRights 'Send As' -Confirm:$false").ThrowIfErrors();
        shell.Run("Remove-Mailbox dave -Confirm:$false").ThrowIfErrors();
        var bad = shell.Run("Add-ADPermission bob -User alice -ExtendedRights 'Receive As'").SingleError();
        Assert.Contains("Send As", bad.Exception.Message);
    }

    [Fact]
    public async Task ASenderWhoAsksForASuccessDsnGetsOne()
    {
        using var client = new DsnClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync("alice@contoso.com", Password);
        var subject = "Track me " + Guid.NewGuid();
        await client.SendAsync(Message("alice@contoso.com", "bob@contoso.com", subject));
        await client.DisconnectAsync(true);

        var report = await WaitForInboxMessageAsync("alice", "Delivered: " + subject);
        Assert.Contains("Action: delivered", report);
        Assert.Contains("Final-Recipient: rfc822;bob@contoso.com", report);
        Assert.Contains("Status: 2.0.0", report);
    }

    [Fact]
    public async Task CurlSubmitsAsTheReadmeShows()
    {
        var subject = "curl " + Guid.NewGuid();
        var start = new System.Diagnostics.ProcessStartInfo("curl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-skS", "-v", "--max-time", "20", "--ssl-reqd", "--crlf", $"smtp://127.0.0.1:{node.SubmissionPort}", "--mail-from", "alice@contoso.com", "--mail-rcpt", "bob@contoso.com", "-u", $"alice@contoso.com:{Password}", "-T", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var curl = System.Diagnostics.Process.Start(start)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var errors = curl.StandardError.ReadToEndAsync();
        await curl.StandardInput.WriteAsync($"Subject: {subject}\n\nIt works.\n");
        curl.StandardInput.Close();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, $"curl failed ({curl.ExitCode}): {await errors}{await output}");
        Assert.Contains("It works.", await WaitForInboxMessageAsync("bob", subject));
    }

    [Fact]
    public async Task ImplicitTlsSubmissionWorks()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync("bob@contoso.com", Password);
        var subject = "Implicit " + Guid.NewGuid();
        await client.SendAsync(Message("bob@contoso.com", "alice@contoso.com", subject));
        await client.DisconnectAsync(true);
        Assert.Contains(subject, await WaitForInboxMessageAsync("alice", subject));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWith535()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.SubmissionPort, SecureSocketOptions.StartTls);
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("alice@contoso.com", "wrong-password"));
        Assert.Contains("5.7.8", error.Message);
    }

    /// <summary>Asks for NOTIFY=SUCCESS on every recipient (RFC 3461).</summary>
    private sealed class DsnClient : SmtpClient
    {
        protected override MailKit.DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) =>
            MailKit.DeliveryStatusNotification.Success;
    }

    private static MimeMessage Message(string from, string to, string subject) => new(
        [MailboxAddress.Parse(from)], [MailboxAddress.Parse(to)], subject, new TextPart("plain") { Text = "Body of " + subject });

    private Task<string> WaitForInboxMessageAsync(string alias, string subject) => Inbox.WaitForAsync(node, alias, subject);
}

/// <summary>Failed SMTP logins are throttled per address, on a node of their own.</summary>
public sealed class SmtpLoginThrottleTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task AfterTooManyFailuresEvenTheRightPasswordIsRefusedForAWhile()
    {
        // A new connection per attempt: the engine itself also closes a connection after a few failed commands.
        for (var i = 0; i < Directory.Security.LoginThrottle.MaxFailuresPerAddress; i++)
        {
            using var guesser = await ConnectAsync();
            await Assert.ThrowsAsync<AuthenticationException>(() => guesser.AuthenticateAsync("administrator@contoso.com", "guess-" + i));
        }

        using var client = await ConnectAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.AuthenticateAsync("administrator@contoso.com", TestNode.AdminPassword));
        Assert.Contains("4.7.0", refused.Message);
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", fixture.Node.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        return client;
    }
}

using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>The node's IMAP listeners driven by MailKit and curl over real sockets, STARTTLS and implicit TLS.</summary>
public sealed class ImapTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Password = "Pa55word!x";
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task LogsInWithEveryNameFormOverStartTlsAndImplicitTls()
    {
        var alias = await NewMailboxAsync();
        foreach (var (name, port, tls) in new[]
        {
            ($"{alias}@contoso.com", node.ImapPort, SecureSocketOptions.StartTls),
            (alias, node.ImapsPort, SecureSocketOptions.SslOnConnect),
            ($"CONTOSO\\{alias}", node.ImapPort, SecureSocketOptions.StartTls),
            ($"{alias.ToUpperInvariant()}@CONTOSO.COM", node.ImapsPort, SecureSocketOptions.SslOnConnect),
        })
        {
            using var client = NewClient();
            await client.ConnectAsync("127.0.0.1", port, tls);
            Assert.True(client.IsSecure);
            await client.AuthenticateAsync(name, Password);
            Assert.True(client.IsAuthenticated, name);
            var inbox = await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            Assert.Equal(FolderAccess.ReadWrite, inbox);
            await client.DisconnectAsync(true);
        }
    }

    [Fact]
    public async Task WrongPasswordAndUnknownUserGetTheSameAnswer()
    {
        var alias = await NewMailboxAsync();
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        var wrongPassword = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(alias, "not-it"));
        var unknownUser = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("nobody-" + alias, Password));
        Assert.Equal(wrongPassword.Message, unknownUser.Message);
        await client.AuthenticateAsync(alias, Password);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task ARemovedMailboxsOpenSessionEndsAndItCannotLogIn()
    {
        var alias = await NewMailboxAsync();
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(alias, Password);
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"Remove-Mailbox {alias} -Confirm:$false").ThrowIfErrors();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => client.NoOpAsync());
        Assert.False(client.IsConnected);

        using var again = NewClient();
        await again.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await Assert.ThrowsAsync<AuthenticationException>(() => again.AuthenticateAsync(alias, Password));
    }

    [Fact]
    public async Task IdleSeesAMessageSentThroughSmtpWithinOneSecond()
    {
        var alias = await NewMailboxAsync();
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(alias, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(0, client.Inbox.Count);

        var arrived = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        client.Inbox.CountChanged += (_, _) => arrived.TrySetResult(clock.Elapsed);
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token);

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", node.SmtpPort, SecureSocketOptions.None);
            var message = new MimeMessage([MailboxAddress.Parse("sender@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], "idle " + alias, new TextPart("plain") { Text = "hello" });
            await smtp.SendAsync(message);
            clock.Start();
            await smtp.DisconnectAsync(true);
        }

        var elapsed = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await done.CancelAsync();
        await idle;
        Assert.Equal(1, client.Inbox.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"The IDLE session heard of the message {elapsed.TotalMilliseconds} ms after SMTP accepted it.");
    }

    [Fact]
    public async Task FolderOperationsAppendAndQuota()
    {
        var alias = await NewMailboxAsync();
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", node.ImapPort, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(alias, Password);

        Assert.Equal("Sent Items", client.GetFolder(SpecialFolder.Sent)?.FullName);
        Assert.Equal("Deleted Items", client.GetFolder(SpecialFolder.Trash)?.FullName);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var projects = (await root.CreateAsync("Projects", true))!;
        var year = (await projects.CreateAsync("2026", true))!;
        await year.RenameAsync(projects, "Done");
        Assert.Equal("Projects/Done", year.FullName);
        await year.SubscribeAsync();
        var subscribed = await root.GetSubfoldersAsync(subscribedOnly: true);
        Assert.DoesNotContain(subscribed, f => f.Name == "Done");
        Assert.Contains(await projects.GetSubfoldersAsync(subscribedOnly: true), f => f.FullName == "Projects/Done");

        var message = new MimeMessage([MailboxAddress.Parse("a@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], "appended", new TextPart("plain") { Text = "body" });
        var uid = await year.AppendAsync(message, MessageFlags.Seen);
        Assert.Equal(1u, uid!.Value.Id);
        await year.StatusAsync(StatusItems.Count | StatusItems.Unread | StatusItems.UidNext);
        Assert.Equal(1, year.Count);
        Assert.Equal(0, year.Unread);
        Assert.Equal(2u, year.UidNext!.Value.Id);

        var quota = await client.Inbox.GetQuotaAsync();
        Assert.Equal(2_469_396_480u / 1024, quota.StorageLimit);
        Assert.True(quota.CurrentStorageSize >= 1);

        await year.DeleteAsync();
        await projects.DeleteAsync();
        Assert.DoesNotContain(await root.GetSubfoldersAsync(), f => f.Name == "Projects");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task CurlListsFoldersOverImapAndImaps()
    {
        var alias = await NewMailboxAsync();
        var plain = await CurlAsync($"imap://127.0.0.1:{node.ImapPort}/", alias);
        Assert.Contains("\"Sent Items\"", plain);
        Assert.Contains("INBOX", plain);
        var status = await CurlAsync($"imaps://127.0.0.1:{node.ImapsPort}/", alias, "-k", "-X", "STATUS INBOX (MESSAGES UIDNEXT)");
        Assert.Contains("* STATUS INBOX (MESSAGES 0 UIDNEXT 1)", status);
    }

    private static ImapClient NewClient() => new() { ServerCertificateValidationCallback = (_, _, _, _) => true };

    private async Task<string> NewMailboxAsync()
    {
        var alias = "imap" + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        return alias;
    }

    private static async Task<string> CurlAsync(string url, string user, params string[] extra)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-s", "-S", "--max-time", "20", "--user", $"{user}:{Password}" }.Concat(extra).Append(url))
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var errors = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, $"curl exited {curl.ExitCode}: {await errors}");
        return await output;
    }
}

using System.Diagnostics;
using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Storage.PostgreSql.Array;
using Mailroom.Testing;
using MimeKit;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Nodes sharing one PostgreSQL store (issue 7, part 1): each holds its server name while it runs, and what one
/// changes — mailboxes, the directory — reaches the others through LISTEN/NOTIFY at once.
/// </summary>
public sealed class ArrayNodeTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private const string Password = "Pa55word!x";

    [Fact]
    public async Task IdleOnOneNodeSeesAMessageAppendedThroughAnotherWithinOneSecond()
    {
        var store = await StoreAsync();
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        await using var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: store);
        var alias = NewMailbox(ex1);

        using var watcher = NewImapClient();
        await watcher.ConnectAsync("127.0.0.1", ex1.ImapsPort, SecureSocketOptions.SslOnConnect);
        await watcher.AuthenticateAsync(alias, Password);
        await watcher.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var arrived = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        watcher.Inbox.CountChanged += (_, _) => arrived.TrySetResult(clock.Elapsed);
        using var done = new CancellationTokenSource();
        var idle = watcher.IdleAsync(done.Token);

        using (var writer = NewImapClient())
        {
            await writer.ConnectAsync("127.0.0.1", ex2.ImapsPort, SecureSocketOptions.SslOnConnect);
            await writer.AuthenticateAsync(alias, Password);
            await writer.Inbox.AppendAsync(new MimeMessage([MailboxAddress.Parse("a@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], "from EX2", new TextPart("plain") { Text = "hi" }));
            clock.Start();
            await writer.DisconnectAsync(true);
        }

        var elapsed = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await done.CancelAsync();
        await idle;
        Assert.Equal(1, watcher.Inbox.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"EX1's IDLE session heard of EX2's append after {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AMailboxCreatedThroughOneNodeIsAcceptedByTheOtherAtOnce()
    {
        var store = await StoreAsync();
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        await using var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: store);
        var alias = "late" + Guid.NewGuid().ToString("N")[..8];

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", ex2.SmtpPort, SecureSocketOptions.None);
        var unknown = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(Message(alias, "too early")));
        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, unknown.ErrorCode); // EX2 now caches "no such recipient" for up to 10 s

        NewMailbox(ex1, alias);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await smtp.SendAsync(Message(alias, "in time"));
                break;
            }
            catch (SmtpCommandException) when (clock.Elapsed < TimeSpan.FromSeconds(3))
            {
                await Task.Delay(50);
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"EX2 accepted the new mailbox after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ASecondLiveNodeWithTheSameNameIsRefusedUntilTheFirstStops()
    {
        var store = await StoreAsync();
        var first = await TestNode.StartAsync(serverName: "EX1", extra: store);
        var refused = await Assert.ThrowsAsync<DuplicateNodeException>(() => TestNode.StartAsync(serverName: "ex1", extra: store));
        Assert.Contains("Another node named \"ex1\" is already running", refused.Message);
        using (var shell = PowerShellSession.Connect(first))
        {
            Assert.Equal(["EX1"], shell.Run("Get-ExchangeServer | ForEach-Object Name").ThrowIfErrors().Output.Select(o => o.BaseObject));
        }

        await first.DisposeAsync();
        await using var again = await TestNode.StartAsync(serverName: "EX1", extra: store);
        Assert.Equal("EX1", again.Node.Identity.ServerName);
    }

    [Fact]
    public async Task ANodeConfiguredForAnotherOrganizationIsRefusedAndWritesNothing()
    {
        var store = await StoreAsync();
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestNode.StartAsync(serverName: "EX9", domain: "fabrikam.com", extra: store));
        Assert.Contains("holds the organization \"First Organization\" (contoso.com)", refused.Message);
        using var shell = PowerShellSession.Connect(ex1);
        Assert.Equal(["EX1"], shell.Run("Get-ExchangeServer | ForEach-Object Name").ThrowIfErrors().Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task DrainingRefusesNewSessionsKeepsOpenOnesAndFailsTheHealthCheck()
    {
        var store = await StoreAsync();
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        await using var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: store);
        var alias = NewMailbox(ex1);
        using var http = Https();
        Assert.Equal("200 OK<br/>ex1.contoso.com", await http.GetStringAsync(new Uri(ex1.HttpsUri, "/imap/healthcheck.htm")));

        using var open = NewImapClient();
        await open.ConnectAsync("127.0.0.1", ex1.ImapsPort, SecureSocketOptions.SslOnConnect);
        await open.AuthenticateAsync(alias, Password);

        using (var shell = PowerShellSession.Connect(ex2))
        {
            shell.Run("Set-ServerComponentState EX1 -Component ServerWideOffline -State Draining -Requester Maintenance").ThrowIfErrors();
            var states = shell.Run("Get-ServerComponentState EX1").ThrowIfErrors().Output;
            Assert.Equal("Draining", states.Single(s => (string)s.Properties["Component"].Value == "ImapProxy").Properties["State"].Value);
            Assert.Equal("Active", states.Single(s => (string)s.Properties["Component"].Value == "Monitoring").Properties["State"].Value);
        }

        // EX1 hears of it through the array link: the probe fails, a new session is turned away, the open one goes on.
        await WaitForAsync(async () => (await http.GetAsync(new Uri(ex1.HttpsUri, "/imap/healthcheck.htm"))).StatusCode == HttpStatusCode.ServiceUnavailable, "EX1's IMAP probe to fail");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(ex1.HttpsUri, "/smtp/healthcheck.htm"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(ex1.HttpsUri, "/health/live"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(ex2.HttpsUri, "/imap/healthcheck.htm"))).StatusCode);
        Assert.StartsWith("* BYE [UNAVAILABLE]", await FirstLineAsync(ex1.ImapPort));
        Assert.StartsWith("421 4.3.2", await FirstLineAsync(ex1.SmtpPort));
        Assert.StartsWith("-ERR [SYS/TEMP]", await FirstLineAsync(ex1.Pop3Port));
        await open.NoOpAsync();
        Assert.True(open.IsConnected);

        // Stop: the open session ends now.
        using (var shell = PowerShellSession.Connect(ex2))
        {
            shell.Run("Set-ServerComponentState EX1 -Component ImapProxy -State Inactive -Requester Functional").ThrowIfErrors();
        }

        await WaitForAsync(async () =>
        {
            try
            {
                await open.NoOpAsync();
                return false;
            }
            catch (Exception ex) when (ex is IOException or ImapProtocolException or ServiceNotConnectedException)
            {
                return true;
            }
        }, "the open IMAP session to end");

        // Active again only when every requester agrees.
        using (var shell = PowerShellSession.Connect(ex2))
        {
            shell.Run("Set-ServerComponentState EX1 -Component ServerWideOffline -State Active -Requester Maintenance").ThrowIfErrors();
        }

        await WaitForAsync(async () => (await http.GetAsync(new Uri(ex1.HttpsUri, "/smtp/healthcheck.htm"))).StatusCode == HttpStatusCode.OK, "SMTP to come back");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(ex1.HttpsUri, "/imap/healthcheck.htm"))).StatusCode);
    }

    [Fact]
    public async Task StatesSurviveARestartAndInitialStateInactiveStartsANodeOffline()
    {
        var store = await StoreAsync();
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: store);
        var settings = new Dictionary<string, string?>(store) { ["Mailroom:Server:InitialState"] = "Inactive" };
        await using (var ex2 = await TestNode.StartAsync(serverName: "EX2", extra: settings))
        {
            using var http = Https();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(ex2.HttpsUri, "/pop/healthcheck.htm"))).StatusCode);
            Assert.StartsWith("-ERR [SYS/TEMP]", await FirstLineAsync(ex2.Pop3Port));
        }

        await using var restarted = await TestNode.StartAsync(serverName: "EX2", extra: store);
        Assert.StartsWith("-ERR [SYS/TEMP]", await FirstLineAsync(restarted.Pop3Port)); // still offline: nobody activated it
        using (var shell = PowerShellSession.Connect(ex1))
        {
            shell.Run("Set-ServerComponentState EX2 -Component ServerWideOffline -State Active -Requester Maintenance").ThrowIfErrors();
        }

        await WaitForAsync(async () => (await FirstLineAsync(restarted.Pop3Port)).StartsWith("+OK", StringComparison.Ordinal), "EX2's POP3 to come back");
    }

    [Fact]
    public async Task ADrainTimeoutEndsTheSessionsStillOpen()
    {
        // A single node on SQLite: component states don't need an array.
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: new Dictionary<string, string?> { ["Mailroom:Server:DrainTimeout"] = "00:00:01" });
        var alias = NewMailbox(ex1);
        using var open = NewImapClient();
        await open.ConnectAsync("127.0.0.1", ex1.ImapsPort, SecureSocketOptions.SslOnConnect);
        await open.AuthenticateAsync(alias, Password);
        using (var shell = PowerShellSession.Connect(ex1))
        {
            shell.Run("Set-ServerComponentState EX1 -Component ImapProxy -State Draining -Requester Maintenance").ThrowIfErrors();
        }

        await WaitForAsync(async () =>
        {
            try
            {
                await open.NoOpAsync();
                return false;
            }
            catch (Exception ex) when (ex is IOException or ImapProtocolException or ServiceNotConnectedException)
            {
                return true;
            }
        }, "the drain timeout to end the open session");
    }

    [Theory]
    [InlineData("Set-ServerComponentState EX1 -Component Teleporter -State Inactive -Requester Maintenance", "isn't a server component")]
    [InlineData("Set-ServerComponentState EX1 -Component ImapProxy -State Inactive -Requester Janitor", "isn't a requester")]
    [InlineData("Set-ServerComponentState NOSUCH -Component ImapProxy -State Inactive -Requester Maintenance", "NOSUCH")]
    [InlineData("Get-ServerComponentState EX1 -Component Teleporter", "isn't a server component")]
    public async Task BadComponentStateInputIsRefusedAndChangesNothing(string command, string message)
    {
        await using var ex1 = await TestNode.StartAsync(serverName: "EX1", extra: await StoreAsync());
        using var shell = PowerShellSession.Connect(ex1);
        var error = shell.Run(command).SingleError();
        Assert.Contains(message, error.ToString());
        var states = shell.Run("Get-ServerComponentState EX1").ThrowIfErrors().Output;
        Assert.All(states, s => Assert.Equal("Active", s.Properties["State"].Value));
    }

    internal static async Task<Dictionary<string, string?>> StoreAsync(PostgreSqlFixture postgres) => new()
    {
        ["Mailroom:Store:Provider"] = "PostgreSql",
        ["Mailroom:Store:ConnectionString"] = await postgres.CreateDatabaseAsync(),
    };

    private Task<Dictionary<string, string?>> StoreAsync() => StoreAsync(postgres);

    internal static string NewMailbox(TestNode node, string? alias = null)
    {
        alias ??= "arr" + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        return alias;
    }

    internal static ImapClient NewImapClient() => new() { ServerCertificateValidationCallback = (_, _, _, _) => true };

    internal static HttpClient Https() => new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { Timeout = TimeSpan.FromSeconds(20) };

    internal static MimeMessage Message(string alias, string subject) =>
        new([MailboxAddress.Parse("sender@example.org")], [MailboxAddress.Parse($"{alias}@contoso.com")], subject, new TextPart("plain") { Text = subject });

    /// <summary>The greeting (or refusal) a plain-text listener sends first.</summary>
    internal static async Task<string> FirstLineAsync(int port, string host = "127.0.0.1")
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host, port);
        using var reader = new StreamReader(tcp.GetStream());
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)) ?? "<closed>";
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}

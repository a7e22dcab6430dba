using MailKit.Security;

namespace Mailroom.IntegrationTests;

/// <summary>Disabling or removing a mailbox through the management shell ends its open POP3 sessions and stops new logins.</summary>
public sealed class Pop3SessionEndTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task DisablingTheAccountEndsTheOpenSessionKeepsItsMessagesAndRefusesNewLogins()
    {
        var alias = Pop3Mailboxes.Create(node);
        await Pop3Mailboxes.DeliverAsync(node, alias, Pop3Mailboxes.Message("stays"));
        await using var open = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        await open.LoginAsync(alias, Pop3Mailboxes.Password);
        Assert.StartsWith("+OK", await open.CommandAsync("DELE 1"));

        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"Set-Mailbox {alias} -AccountDisabled $true").ThrowIfErrors();
            Assert.Equal(true, shell.Run($"(Get-Mailbox {alias}).AccountDisabled").ThrowIfErrors().Output[0].BaseObject);
        }

        // The server says why and closes; the DELE was never committed by a QUIT.
        Assert.Equal("-ERR [SYS/PERM] The account has been disabled", await open.ReadLineAsync());
        Assert.Equal("<closed>", await open.ReadLineAsync());
        Assert.Single((await Pop3Mailboxes.InboxAsync(node, alias)).Messages);

        using var client = await Pop3Mailboxes.ConnectAsync(node);
        var refused = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(alias, Pop3Mailboxes.Password));
        Assert.Contains("Authentication failed", refused.Message);
    }

    [Fact]
    public async Task RemovingTheMailboxEndsItsSession()
    {
        var alias = Pop3Mailboxes.Create(node);
        await using var open = await RawPop3.ConnectAsync(node.Pop3Port);
        await open.StartTlsAsync();
        await open.LoginAsync($"CONTOSO\\{alias}", Pop3Mailboxes.Password);

        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"Remove-Mailbox {alias} -Confirm:$false").ThrowIfErrors();
        }

        Assert.Equal("-ERR [SYS/PERM] The mailbox has been removed", await open.ReadLineAsync());
        Assert.Equal("<closed>", await open.ReadLineAsync());
    }

    [Fact]
    public async Task ReEnablingTheAccountLetsTheUserBackIn()
    {
        var alias = Pop3Mailboxes.Create(node);
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"Set-Mailbox {alias} -AccountDisabled $true").ThrowIfErrors();
        await using (var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true))
        {
            Assert.StartsWith("+OK", await raw.CommandAsync("USER " + alias));
            Assert.Equal("-ERR [AUTH] Authentication failed", await raw.CommandAsync("PASS " + Pop3Mailboxes.Password));
        }

        shell.Run($"Set-Mailbox {alias} -AccountDisabled $false").ThrowIfErrors();
        await using var again = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        await again.LoginAsync(alias, Pop3Mailboxes.Password);
    }
}

/// <summary>Failed POP3 logins are throttled per address, on a node of their own (the throttle would disturb other tests).</summary>
public sealed class Pop3LoginThrottleTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task AfterTooManyFailuresEvenTheRightPasswordIsRefusedForAWhile()
    {
        var node = fixture.Node;
        for (var i = 0; i < Directory.Security.LoginThrottle.MaxFailuresPerAddress; i++)
        {
            await using var guesser = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
            Assert.StartsWith("+OK", await guesser.CommandAsync("USER " + node.AdminUser));
            Assert.Equal("-ERR [AUTH] Authentication failed", await guesser.CommandAsync("PASS guess-" + i));
        }

        await using var client = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
        Assert.StartsWith("+OK", await client.CommandAsync("USER " + node.AdminUser));
        Assert.Equal("-ERR [SYS/TEMP] Too many failed logins; try again later", await client.CommandAsync("PASS " + TestNode.AdminPassword));
    }
}

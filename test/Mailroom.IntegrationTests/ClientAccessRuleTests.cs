using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mailroom.Server.ClientAccess;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Client access rules end to end on a real node: MailKit over real sockets bound to a chosen loopback source
/// address, curl against the management API, and the cmdlets through pwsh. Rules apply to the whole node, so each
/// test starts by removing every rule.
/// </summary>
public sealed class ClientAccessRuleTests(NodeFixture fixture) : IClassFixture<NodeFixture>, IAsyncLifetime
{
    private const string Password = "Pa55word!x";
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");
    private readonly TestNode node = fixture.Node;

    public Task InitializeAsync()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("Get-ClientAccessRule | Remove-ClientAccessRule -Force -Confirm:$false").ThrowIfErrors();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    [Fact]
    public async Task AnIpRuleRefusesImapFrom127_0_0_2AtConnectWhile127_0_0_1LogsIn()
    {
        var alias = NewMailbox();
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("New-ClientAccessRule -Name 'No IMAP from .2' -Action DenyAccess -AnyOfProtocols IMAP4 -AnyOfClientIPAddressesOrRanges 127.0.0.2 -Confirm:$false").ThrowIfErrors();
        }

        // The greeting itself is the refusal: the denied network never sees a login prompt.
        Assert.Equal("* BYE [AUTHORIZATIONFAILED] Access denied", await FirstLineFromAsync(Second, node.ImapPort));
        using (var denied = new ImapClient { LocalEndPoint = new IPEndPoint(Second, 0) })
        {
            await Assert.ThrowsAnyAsync<Exception>(() => denied.ConnectAsync("127.0.0.1", node.ImapPort, SecureSocketOptions.None));
            Assert.False(denied.IsConnected);
        }

        using var allowed = new ImapClient { LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0), ServerCertificateValidationCallback = (_, _, _, _) => true };
        await allowed.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await allowed.AuthenticateAsync(alias, Password);
        await allowed.Inbox.OpenAsync(FolderAccess.ReadOnly);

        // A rule added while the session is open ends it at its next command.
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("Set-ClientAccessRule 'No IMAP from .2' -AnyOfClientIPAddressesOrRanges @{Add='127.0.0.1'}").ThrowIfErrors();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => allowed.NoOpAsync());
        Assert.False(allowed.IsConnected);
    }

    [Fact]
    public async Task AnAddressRuleRefusesPop3AndSubmissionAtConnectButNeverTheMxPath()
    {
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("New-ClientAccessRule -Name 'Nothing from .2' -Action Deny -AnyOfClientIPAddressesOrRanges 127.0.0.2 -Confirm:$false").ThrowIfErrors();
        }

        Assert.Equal("-ERR [AUTH] Access denied by policy", await FirstLineFromAsync(Second, node.Pop3Port));
        Assert.Equal("554 5.7.1 Access denied", await FirstLineFromAsync(Second, node.SubmissionPort));
        Assert.StartsWith("220 ", await FirstLineFromAsync(Second, node.SmtpPort));
        Assert.StartsWith("+OK", await FirstLineFromAsync(IPAddress.Loopback, node.Pop3Port));
        Assert.StartsWith("220 ", await FirstLineFromAsync(IPAddress.Loopback, node.SubmissionPort));
    }

    [Fact]
    public async Task AUsernamePatternRuleDeniesPop3ForOneUserOnly()
    {
        var (blocked, other) = (NewMailbox("popx"), NewMailbox("popy"));
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"New-ClientAccessRule -Name 'No POP for {blocked}' -Action Deny -AnyOfProtocols POP3 -UsernameMatchesAnyOfPatterns '*\\{blocked}' -Confirm:$false").ThrowIfErrors();
        }

        using (var client = Pop3Client())
        {
            await client.ConnectAsync("127.0.0.1", node.Pop3sPort, SecureSocketOptions.SslOnConnect);
            await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(blocked, Password));
        }

        await using (var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true))
        {
            Assert.StartsWith("+OK", await raw.CommandAsync("USER " + blocked));
            Assert.Equal("-ERR [AUTH] Access denied by policy", await raw.CommandAsync("PASS " + Password));
        }

        using var fine = Pop3Client();
        await fine.ConnectAsync("127.0.0.1", node.Pop3sPort, SecureSocketOptions.SslOnConnect);
        await fine.AuthenticateAsync(other, Password);
        Assert.True(fine.IsAuthenticated);
    }

    [Fact]
    public async Task AUserRecipientFilterOnDepartmentDeniesSmtpSubmission()
    {
        var (sales, research) = (NewMailbox("sales"), NewMailbox("research"));
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run($"Set-Mailbox {sales} -Department Sales; Set-Mailbox {research} -Department Research").ThrowIfErrors();
            shell.Run("New-ClientAccessRule -Name 'Sales may not submit' -Action Deny -AnyOfProtocols SMTP -UserRecipientFilter \"Department -eq 'Sales'\" -Confirm:$false").ThrowIfErrors();
        }

        using (var client = SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", node.SubmissionPort, SecureSocketOptions.StartTls);
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.AuthenticateAsync(sales, Password));
            Assert.Contains("5.7.1", refused.Message + (refused as SmtpCommandException)?.StatusCode);
        }

        using var fine = SmtpClient();
        await fine.ConnectAsync("127.0.0.1", node.SubmissionPort, SecureSocketOptions.StartTls);
        await fine.AuthenticateAsync(research, Password);
        Assert.True(fine.IsAuthenticated);
    }

    [Fact]
    public async Task ARemotePowerShellRuleBlocksTheManagementApiExceptTheAdminRangeAndCantLockTheCallerOut()
    {
        using var shell = PowerShellSession.Connect(node);

        // The shell calls from 127.0.0.1: a rule that excepts only 127.0.0.2 would lock it out, so it is refused.
        var refused = shell.Run("New-ClientAccessRule -Name 'RPS admins only' -Action Deny -AnyOfProtocols RemotePowerShell -ExceptAnyOfClientIPAddressesOrRanges 127.0.0.2 -Confirm:$false");
        Assert.Equal("ClientAccessRuleLockout,Mailroom.PowerShell.Cmdlets.ClientAccessRule.NewClientAccessRuleCommand", refused.SingleError().FullyQualifiedErrorId);
        Assert.Empty(shell.Run("Get-ClientAccessRule").ThrowIfErrors().Output);

        shell.Run("New-ClientAccessRule -Name 'RPS admins only' -Action Deny -AnyOfProtocols RemotePowerShell -ExceptAnyOfClientIPAddressesOrRanges 127.0.0.1/32 -Confirm:$false").ThrowIfErrors();
        var (status, body) = await CurlApiAsync(Second);
        Assert.Equal("403", status);
        Assert.Contains("\"errorId\":\"ClientAccessDenied\"", body);
        Assert.DoesNotContain("RPS admins only", body);
        Assert.Equal("200", (await CurlApiAsync(IPAddress.Loopback)).Status);

        // Test-ClientAccessRule names the rule that decides each case.
        Assert.Equal("RPS admins only", shell.Run(
            $"(Test-ClientAccessRule -User {node.AdminUser} -AuthenticationType BasicAuthentication -Protocol RemotePowerShell -RemoteAddress 127.0.0.2 -RemotePort 443).Name").ThrowIfErrors().Output.Single().BaseObject);
        Assert.Empty(shell.Run(
            $"Test-ClientAccessRule -User {node.AdminUser} -AuthenticationType BasicAuthentication -Protocol RemotePowerShell -RemoteAddress 127.0.0.1 -RemotePort 443").ThrowIfErrors().Output);
    }

    [Fact]
    public void CmdletsShowRulesInPriorityOrderAndExplainValueMistakes()
    {
        using var shell = PowerShellSession.Connect(node);
        shell.Run("New-ClientAccessRule -Name Second -Action Allow -AnyOfProtocols IMAP4,POP3 -Confirm:$false").ThrowIfErrors();
        shell.Run("New-ClientAccessRule -Name First -Action Deny -AnyOfProtocols 'SMTP','IMAP4' -AnyOfClientIPAddressesOrRanges 192.168.3.1/24,10.0.0.1-10.0.0.9 -Priority 1 -Confirm:$false").ThrowIfErrors();
        var table = shell.Text("Get-ClientAccessRule");
        Assert.Matches(@"First\s+1\s+True\s+All\s+DenyAccess", table);
        Assert.True(table.IndexOf("First", StringComparison.Ordinal) < table.IndexOf("Second", StringComparison.Ordinal));
        Assert.Equal(["192.168.3.0/24", "10.0.0.1-10.0.0.9"], shell.Run("(Get-ClientAccessRule First).AnyOfClientIPAddressesOrRanges").ThrowIfErrors().Output.Select(o => o.BaseObject));

        var oneString = shell.Run("New-ClientAccessRule -Name Third -Action Deny -AnyOfProtocols \"IMAP4,POP3\" -Confirm:$false").SingleError();
        Assert.Contains("-AnyOfProtocols \"IMAP4\",\"POP3\"", oneString.ToString());
        var combination = shell.Run("New-ClientAccessRule -Name Third -Action Deny -AnyOfProtocols POP3 -AnyOfAuthenticationTypes NonBasicAuthentication -Confirm:$false").SingleError();
        Assert.Equal(Directory.ClientAccessRules.ClientAccessAuthenticationTypes.InvalidCombination, combination.ToString());

        shell.Run("Set-ClientAccessRule Second -AnyOfProtocols @{Remove='POP3'; Add='SMTP'}").ThrowIfErrors();
        Assert.Equal(["IMAP4", "SMTP"], shell.Run("(Get-ClientAccessRule Second).AnyOfProtocols").ThrowIfErrors().Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task CasMailboxSwitchesRefuseThatProtocolOnlyAndTheLockoutCmdletsClearAThrottledAddress()
    {
        var alias = NewMailbox("cas");
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"Set-CASMailbox {alias} -ImapEnabled $false").ThrowIfErrors();
        Assert.Equal(false, shell.Run($"(Get-CASMailbox {alias}).ImapEnabled").ThrowIfErrors().Output[0].BaseObject);
        using (var imap = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await imap.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
            await Assert.ThrowsAsync<AuthenticationException>(() => imap.AuthenticateAsync(alias, Password));
        }

        using (var pop = Pop3Client())
        {
            await pop.ConnectAsync("127.0.0.1", node.Pop3sPort, SecureSocketOptions.SslOnConnect);
            await pop.AuthenticateAsync(alias, Password);
        }

        // Ten failures from one address lock it out on every protocol; the administrator sees and clears the lockout.
        for (var i = 0; i < Directory.Security.LoginThrottle.MaxFailuresPerAddress; i++)
        {
            await using var raw = await RawPop3.ConnectAsync(node.Pop3sPort, implicitTls: true);
            await raw.CommandAsync("USER " + alias);
            await raw.CommandAsync("PASS wrong");
        }

        var lockout = Assert.Single(shell.Run("Get-AuthenticationLockout 127.0.0.1").ThrowIfErrors().Output);
        Assert.Equal("IPAddress", lockout.Properties["LockoutType"].Value);
        using (var locked = Pop3Client())
        {
            await locked.ConnectAsync("127.0.0.1", node.Pop3sPort, SecureSocketOptions.SslOnConnect);
            await Assert.ThrowsAnyAsync<Exception>(() => locked.AuthenticateAsync(alias, Password));
        }

        shell.Run("Clear-AuthenticationLockout 127.0.0.1 -Confirm:$false").ThrowIfErrors();
        Assert.Empty(shell.Run("Get-AuthenticationLockout").ThrowIfErrors().Output);
        Assert.NotEmpty(shell.Run("Clear-AuthenticationLockout 127.0.0.1 -Confirm:$false").Errors);
        using var unlocked = Pop3Client();
        await unlocked.ConnectAsync("127.0.0.1", node.Pop3sPort, SecureSocketOptions.SslOnConnect);
        await unlocked.AuthenticateAsync(alias, Password);
    }

    [Fact]
    public async Task TheLocalRecoveryCommandDisablesEveryRuleWhileTheNodeRuns()
    {
        using (var shell = PowerShellSession.Connect(node))
        {
            shell.Run("New-ClientAccessRule -Name 'Deny RPS' -Action Deny -AnyOfProtocols RemotePowerShell -Force -Confirm:$false").ThrowIfErrors();
        }

        Assert.Equal("403", (await CurlApiAsync(IPAddress.Loopback)).Status);
        var output = new StringWriter();
        Assert.Equal(0, await RulesRecoveryCommand.RunAsync(["rules", "disable-all", "--environment", "Development", "--Mailroom:DataPath=" + node.DataPath], output));
        Assert.Contains("Disabled every client access rule (1)", output.ToString());

        // Another process's write is seen when the node's rule cache expires (5 s).
        var deadline = Stopwatch.StartNew();
        string status;
        while ((status = (await CurlApiAsync(IPAddress.Loopback)).Status) != "200" && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(250);
        }

        Assert.Equal("200", status);
        Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"took {deadline.Elapsed}");
    }

    private string NewMailbox(string prefix = "car")
    {
        var alias = prefix + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        return alias;
    }

    private static Pop3Client Pop3Client() => new() { ServerCertificateValidationCallback = (_, _, _, _) => true };

    private static SmtpClient SmtpClient() => new() { ServerCertificateValidationCallback = (_, _, _, _) => true };

    private static async Task<string> FirstLineFromAsync(IPAddress source, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        using var reader = new StreamReader(new NetworkStream(socket), Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await reader.ReadLineAsync(timeout.Token) ?? "<closed>";
    }

    /// <summary>Lists the management API's commands with curl from <paramref name="source"/>: the HTTP status and body.</summary>
    private async Task<(string Status, string Body)> CurlApiAsync(IPAddress source)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-s", "-k", "--max-time", "20", "--interface", source.ToString(), "--user", $"{node.AdminUser}:{TestNode.AdminPassword}",
            "-w", "\n%{http_code}", new Uri(node.HttpsUri, "api/management/v1/commands").ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        var lines = output.TrimEnd().Split('\n');
        return (lines[^1], string.Join('\n', lines[..^1]));
    }
}

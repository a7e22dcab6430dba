using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Disabling or removing a mailbox through the management shell ends its open IMAP sessions at once, IDLE included:
/// the node's session registry tells the session, which sends <c>* BYE</c> with the reason and closes.
/// </summary>
public sealed class ImapSessionEndTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Password = "Pa55word!x";
    private readonly TestNode node = fixture.Node;

    [Theory]
    [InlineData("Set-Mailbox {0} -AccountDisabled $true", "* BYE The account has been disabled")]
    [InlineData("Remove-Mailbox {0} -Confirm:$false", "* BYE The mailbox has been removed")]
    public async Task TheShellEndsAnIdleSessionWithByeAndItsReason(string command, string bye)
    {
        var alias = "imapend" + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();

        var server = new ServerLines();
        using var client = new ImapClient(server) { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(alias, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token);
        await server.WaitForAsync("+ idling", TimeSpan.FromSeconds(10));

        shell.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, alias)).ThrowIfErrors();

        // No mail arrives and the client sends nothing: only the registry can end this session.
        await server.WaitForAsync(bye, TimeSpan.FromSeconds(10));
        var ended = await Task.WhenAny(idle, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(idle, ended);
        Assert.False(client.IsConnected);

        using var again = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await again.ConnectAsync("127.0.0.1", node.ImapsPort, SecureSocketOptions.SslOnConnect);
        await Assert.ThrowsAsync<AuthenticationException>(() => again.AuthenticateAsync(alias, Password));
    }

    /// <summary>Collects what the server sent (MailKit's protocol log) and lets a test wait for a line.</summary>
    private sealed class ServerLines : IProtocolLogger
    {
        private readonly StringBuilder text = new();
        private readonly List<(string Line, TaskCompletionSource Seen)> waiters = [];

        public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

        public Task WaitForAsync(string line, TimeSpan timeout)
        {
            lock (text)
            {
                if (text.ToString().Contains(line, StringComparison.Ordinal))
                {
                    return Task.CompletedTask;
                }

                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((line, seen));
                return seen.Task.WaitAsync(timeout);
            }
        }

        public void LogServer(byte[] buffer, int offset, int count)
        {
            lock (text)
            {
                text.Append(Encoding.UTF8.GetString(buffer, offset, count));
                var all = text.ToString();
                foreach (var waiter in waiters.Where(w => all.Contains(w.Line, StringComparison.Ordinal)).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Seen.TrySetResult();
                }
            }
        }

        public void LogConnect(Uri uri)
        {
        }

        public void LogClient(byte[] buffer, int offset, int count)
        {
        }

        public void Dispose()
        {
        }
    }
}

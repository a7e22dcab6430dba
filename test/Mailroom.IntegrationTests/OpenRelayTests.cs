using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Mailroom.IntegrationTests;

/// <summary>
/// Every unauthenticated way to get mail for a foreign domain accepted must fail, on every listener: plain SMTP,
/// submission before and after STARTTLS, implicit TLS, with address tricks in the recipient and a forged AUTH=.
/// </summary>
public sealed class OpenRelayTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly TestNode node = fixture.Node;

    public static TheoryData<string> ForeignRecipients => new()
    {
        "<victim@elsewhere.example>",
        "<VICTIM@ELSEWHERE.EXAMPLE>",
        "<victim@elsewhere.example.>",
        "<@contoso.com:victim@elsewhere.example>",
        "<victim%elsewhere.example@contoso.com>",
        "<\"victim@elsewhere.example\"@contoso.com>",
        "<victim@[192.0.2.1]>",
        "<victim@contoso.com.elsewhere.example>",
    };

    [Theory]
    [MemberData(nameof(ForeignRecipients))]
    public async Task PlainSmtpNeverRelays(string recipient)
    {
        await using var session = await RawSession.OpenAsync(node.SmtpPort, tls: false);
        await session.ExpectAsync("220");
        await session.SendAsync("EHLO attacker.example", "250");
        await session.SendAsync("MAIL FROM:<spammer@elsewhere.example> AUTH=<administrator@contoso.com>", "250");
        var reply = await session.CommandAsync("RCPT TO:" + recipient);
        Assert.True(reply.StartsWith('5'), $"RCPT TO:{recipient} was answered {reply}");
        await session.SendAsync("DATA", "554", "503");
    }

    [Fact]
    public async Task SubmissionWithoutAuthenticationAcceptsNothing()
    {
        await using (var plain = await RawSession.OpenAsync(node.SubmissionPort, tls: false))
        {
            await plain.ExpectAsync("220");
            await plain.SendAsync("EHLO attacker.example", "250");
            var mail = await plain.CommandAsync("MAIL FROM:<spammer@elsewhere.example>");
            Assert.StartsWith("530", mail);
            await plain.SendAsync("STARTTLS", "220");
            await plain.UpgradeAsync();
            await plain.SendAsync("EHLO attacker.example", "250");
            Assert.StartsWith("530", await plain.CommandAsync("MAIL FROM:<spammer@elsewhere.example>"));
            Assert.StartsWith("5", await plain.CommandAsync("RCPT TO:<victim@elsewhere.example>"));
        }

        await using var implicitTls = await RawSession.OpenAsync(node.SubmissionTlsPort, tls: true);
        await implicitTls.ExpectAsync("220");
        await implicitTls.SendAsync("EHLO attacker.example", "250");
        Assert.StartsWith("530", await implicitTls.CommandAsync("MAIL FROM:<spammer@elsewhere.example>"));
    }

    [Fact]
    public async Task AFailedLoginGivesNoRights()
    {
        await using var session = await RawSession.OpenAsync(node.SubmissionTlsPort, tls: true);
        await session.ExpectAsync("220");
        await session.SendAsync("EHLO attacker.example", "250");
        var auth = await session.CommandAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0administrator@contoso.com\0guess")));
        Assert.StartsWith("535 5.7.8", auth);
        Assert.StartsWith("530", await session.CommandAsync("MAIL FROM:<administrator@contoso.com>"));
    }

    /// <summary>A line-based SMTP client over a socket, for protocol cases MailKit won't produce.</summary>
    private sealed class RawSession : IAsyncDisposable
    {
        private readonly TcpClient client;
        private Stream stream;
        private StreamReader reader;

        private RawSession(TcpClient client, Stream stream)
        {
            this.client = client;
            this.stream = stream;
            reader = new StreamReader(stream, Encoding.ASCII);
        }

        public static async Task<RawSession> OpenAsync(int port, bool tls)
        {
            var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            Stream stream = client.GetStream();
            if (tls)
            {
                var ssl = new SslStream(stream, false, (_, _, _, _) => true);
                await ssl.AuthenticateAsClientAsync("localhost");
                stream = ssl;
            }

            return new RawSession(client, stream);
        }

        public async Task UpgradeAsync()
        {
            var ssl = new SslStream(stream, false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync("localhost");
            stream = ssl;
            reader = new StreamReader(ssl, Encoding.ASCII);
        }

        public async Task<string> CommandAsync(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            await stream.FlushAsync();
            return await ReadReplyAsync();
        }

        public async Task SendAsync(string line, params string[] expected)
        {
            var reply = await CommandAsync(line);
            Assert.True(expected.Any(reply.StartsWith), $"{line} was answered {reply}");
        }

        public async Task ExpectAsync(string code) => Assert.StartsWith(code, await ReadReplyAsync());

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            client.Dispose();
        }

        private async Task<string> ReadReplyAsync()
        {
            var all = new StringBuilder();
            while (true)
            {
                var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new IOException("The server closed the connection.");
                all.AppendLine(line);
                if (line.Length < 4 || line[3] != '-')
                {
                    return all.ToString();
                }
            }
        }
    }
}

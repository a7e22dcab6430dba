using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>Socket tests: MailKit's SmtpClient against SmtpConnectionHandler on a real Kestrel listener.</summary>
public sealed class KestrelSmtpTests(KestrelSmtpFixture server) : IClassFixture<KestrelSmtpFixture>
{
    private static MimeMessage Message(string subject, string body = "Hello from MailKit.\r\n.leading dot line\r\n")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice", "alice@test.example"));
        message.To.Add(new MailboxAddress("Bob", "bob@test.example"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private static SmtpClient Client(SmtpClient? client = null)
    {
        client ??= new SmtpClient();
        client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        client.CheckCertificateRevocation = false;
        client.Timeout = 20_000;
        return client;
    }

    private FakeBackend.ReceivedMessage Received(string subject) =>
        Assert.Single(server.Backend.Messages, m => m.Text.Contains("Subject: " + subject, StringComparison.Ordinal));

    [Fact]
    public async Task Mailkit_sends_in_plaintext()
    {
        using var client = Client();
        await client.ConnectAsync("127.0.0.1", server.PlainPort, SecureSocketOptions.None);
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Pipelining));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
        Assert.Equal(37748736u, client.MaxSize);
        var reply = await client.SendAsync(Message("plain send"));
        await client.DisconnectAsync(true);
        Assert.Contains("Queued mail for delivery", reply, StringComparison.Ordinal);
        var message = Received("plain send");
        Assert.Contains("\r\n.leading dot line\r\n", message.Text, StringComparison.Ordinal);
        Assert.Equal("ESMTP", message.Protocol);
        Assert.Equal("bob@test.example", Assert.Single(message.Envelope.Recipients).ForwardPath.Address);
    }

    [Fact]
    public async Task Mailkit_uses_starttls_then_auth_plain()
    {
        using var client = Client();
        await client.ConnectAsync("127.0.0.1", server.PlainPort, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        Assert.Contains("PLAIN", client.AuthenticationMechanisms);
        await client.AuthenticateAsync(new SaslMechanismPlain("alice", "secret"));
        await client.SendAsync(Message("starttls plain"));
        await client.DisconnectAsync(true);
        var message = Received("starttls plain");
        Assert.Equal("alice", message.User);
        Assert.Equal("ESMTPSA", message.Protocol);
    }

    [Fact]
    public async Task Mailkit_authentication_failure_is_reported()
    {
        using var client = Client();
        await client.ConnectAsync("127.0.0.1", server.PlainPort, SecureSocketOptions.StartTls);
        var failure = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(new SaslMechanismPlain("alice", "wrong")));
        Assert.Contains("Authentication unsuccessful", failure.Message, StringComparison.Ordinal);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Mailkit_sends_over_implicit_tls_with_auth_login()
    {
        using var client = Client();
        await client.ConnectAsync("127.0.0.1", server.ImplicitTlsPort, SecureSocketOptions.SslOnConnect);
        Assert.True(client.IsSecure);
        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        await client.AuthenticateAsync(new SaslMechanismLogin("alice", "secret"));
        await client.SendAsync(Message("implicit tls"));
        await client.DisconnectAsync(true);
        Assert.Equal("alice", Received("implicit tls").User);
        Assert.Contains(server.Backend.Connections, c => c.IsTls && c.ListenerName == "SubmissionTls");
    }

    [Fact]
    public async Task Mailkit_sends_with_bdat_when_it_prefers_chunking()
    {
        using var log = new MemoryStream();
        using var client = Client(new ChunkingSmtpClient(new ProtocolLogger(log, leaveOpen: true)));
        await client.ConnectAsync("127.0.0.1", server.PlainPort, SecureSocketOptions.None);
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Chunking));
        await client.SendAsync(Message("bdat send", "Line one\r\n.\r\nnot the end\r\n"));
        await client.DisconnectAsync(true);
        Assert.Contains("C: BDAT ", Encoding.UTF8.GetString(log.ToArray()), StringComparison.Ordinal);
        Assert.Contains("\r\n.\r\nnot the end\r\n", Received("bdat send").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_socket_bad_input_gets_its_replies()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.PlainPort);
        using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        async Task<string> Reply()
        {
            string line;
            do
            {
                line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)) ?? "<closed>";
            }
            while (line.Length > 3 && line[3] == '-');
            return line;
        }

        async Task<string> Send(byte[] bytes)
        {
            await stream.WriteAsync(bytes);
            return await Reply();
        }

        Assert.StartsWith("220 mx.test.example Mailroom ESMTP", await Reply(), StringComparison.Ordinal);
        Assert.StartsWith("250 ", await Send("EHLO raw.client\r\n"u8.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("500 5.5.2", await Send("NOOP\n"u8.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("500 5.5.2", await Send("NO\0OP\r\n"u8.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("500 5.5.6", await Send(Encoding.ASCII.GetBytes("NOOP " + new string('x', 2000) + "\r\n")), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await Send("NOOP\r\n"u8.ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("221 2.0.0", await Send("QUIT\r\n"u8.ToArray()), StringComparison.Ordinal);
        Assert.Null(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private sealed class ChunkingSmtpClient(IProtocolLogger logger) : SmtpClient(logger)
    {
        protected override bool PreferSendAsBinaryData => true;
    }
}

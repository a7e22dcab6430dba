using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Mailroom.IntegrationTests;

/// <summary>Mailboxes for POP3 tests: made with New-Mailbox, filled straight through the node's mailbox store.</summary>
internal static class Pop3Mailboxes
{
    public const string Password = "Pa55word!x";

    /// <summary>A new mailbox with a unique alias (so tests sharing a node never share a maildrop).</summary>
    public static string Create(TestNode node, string prefix = "pop")
    {
        var alias = prefix + Guid.NewGuid().ToString("N")[..8];
        using var shell = PowerShellSession.Connect(node);
        shell.Run($"New-Mailbox -Name {alias} -Password (ConvertTo-SecureString '{Password}' -AsPlainText -Force)").ThrowIfErrors();
        return alias;
    }

    public static async Task<Guid> IdOfAsync(TestNode node, string alias) =>
        (await node.Node.App.Services.GetRequiredService<IDirectoryStore>().ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Alias(alias))))!.Value;

    /// <summary>Delivers messages into the Inbox as transport would; returns their texts in delivery order.</summary>
    public static async Task<List<string>> DeliverAsync(TestNode node, string alias, params string[] texts)
    {
        var store = node.Node.App.Services.GetRequiredService<IMailboxStore>();
        var id = await IdOfAsync(node, alias);
        foreach (var text in texts)
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var stored = await MessageImport.ImportAsync(store.Blobs, content);
            await store.DeliverAsync(id, NewMessage.From(stored, DateTimeOffset.UtcNow));
        }

        return [.. texts];
    }

    public static string Message(string subject, string body = "Hello there.\r\n") =>
        $"From: sender@example.org\r\nTo: someone@contoso.com\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n\r\n{body}";

    /// <summary>The Inbox's messages as the store has them: UIDVALIDITY, and UID with bytes per message.</summary>
    public static async Task<(uint UidValidity, List<(uint Uid, byte[] Bytes)> Messages)> InboxAsync(TestNode node, string alias)
    {
        var store = node.Node.App.Services.GetRequiredService<IMailboxStore>();
        var inbox = await store.GetDefaultFolderAsync(await IdOfAsync(node, alias), DefaultFolder.Inbox);
        var messages = new List<(uint, byte[])>();
        if (inbox is null)
        {
            return (0, messages);
        }

        var page = await store.FetchAsync(inbox.Id, new FetchRequest(UidRange.All) { Limit = FetchRequest.MaxLimit });
        foreach (var message in page.Messages)
        {
            await using var body = await store.Blobs.OpenReadAsync(message.BlobId);
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            messages.Add((message.Uid, copy.ToArray()));
        }

        return (inbox.UidValidity, messages);
    }

    /// <summary>A MailKit client that trusts the node's self-signed certificate.</summary>
    public static async Task<Pop3Client> ConnectAsync(TestNode node, bool implicitTls = false)
    {
        var client = new Pop3Client { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", implicitTls ? node.Pop3sPort : node.Pop3Port, implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
        return client;
    }

    /// <summary>Bounded wait for something another thread or node does (no sleeps in assertions' place).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(25);
        }
    }
}

/// <summary>A bare POP3 client over a socket for exact wire checks (MailKit hides the responses' text).</summary>
internal sealed class RawPop3 : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TcpClient _tcp;
    private Stream _stream;

    private RawPop3(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
    }

    public static async Task<RawPop3> ConnectAsync(int port, bool implicitTls = false)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        Stream stream = tcp.GetStream();
        if (implicitTls)
        {
            stream = await HandshakeAsync(stream);
        }

        var client = new RawPop3(tcp, stream);
        Assert.StartsWith("+OK", await client.ReadLineAsync());
        return client;
    }

    public async Task<string> CommandAsync(string line)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        return await ReadLineAsync();
    }

    /// <summary>The lines of a multi-line response after its status line, un-stuffed, without the final ".".</summary>
    public async Task<List<string>> ReadMultiLineAsync()
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is var line && line != ".")
        {
            lines.Add(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line);
        }

        return lines;
    }

    public async Task StartTlsAsync()
    {
        Assert.StartsWith("+OK", await CommandAsync("STLS"));
        _stream = await HandshakeAsync(_stream);
    }

    public async Task LoginAsync(string user, string password)
    {
        Assert.StartsWith("+OK", await CommandAsync("USER " + user));
        var answer = await CommandAsync("PASS " + password);
        Assert.True(answer.StartsWith("+OK", StringComparison.Ordinal), answer);
    }

    /// <summary>The next line, or null when the server closed the connection.</summary>
    public async Task<string> ReadLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await _stream.ReadAsync(one).AsTask().WaitAsync(Patience);
            if (read == 0)
            {
                return bytes.Count == 0 ? "<closed>" : Encoding.UTF8.GetString([.. bytes]);
            }

            if (one[0] == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private static async Task<Stream> HandshakeAsync(Stream inner)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync("localhost").WaitAsync(Patience);
        return ssl;
    }
}

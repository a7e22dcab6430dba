using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Mailroom.IntegrationTests;

/// <summary>A line-based SMTP client over a socket, for protocol cases MailKit won't produce.</summary>
internal sealed class RawSession : IAsyncDisposable
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

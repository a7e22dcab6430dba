using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailroom.Testing;

/// <summary>
/// A minimal SMTP server on loopback that accepts everything and records connections and messages, to observe what
/// an SMTP client (Mailroom's outbound delivery) does on the wire.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int connections;

    public RecordingSmtpServer()
    {
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    /// <summary>Each accepted message: envelope recipients and the data.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> Recipients, string Data)> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), stop.Token);
        await Reply("220 recorder.test ESMTP");
        var recipients = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-recorder.test\r\n250 8BITMIME");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>'));
                        await Reply("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await Reply("354 go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } body && body != ".")
                        {
                            data.Append(body).Append("\r\n");
                        }

                        Messages.Enqueue((recipients.ToList(), data.ToString()));
                        recipients.Clear();
                        await Reply("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await Reply("221 bye");
                        return;
                    case "RSET":
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    default:
                        await Reply("250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailroom.Protocols.Pop3.Tests;

/// <summary>
/// Runs one POP3 session over in-memory pipes against a real SQLite mailbox store and plays the client: the
/// transcript tier of DESIGN.md. Waits are bounded so a bug fails the test instead of hanging it; nothing sleeps.
/// </summary>
internal sealed class Pop3TestHarness : IAsyncDisposable
{
    public static readonly TlsInfo PretendTls = new(SslProtocols.Tls13, null);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly PipeLineReader _responses;
    private PipeWriter _output;
    private SslStream? _tls;

    private Pop3TestHarness(MaildropStore store, FakePop3Backend backend, Pop3ServerOptions options, IPop3MaildropLocks locks, TlsInfo? implicitTls, TimeProvider time)
    {
        Store = store;
        Backend = backend;
        _responses = new PipeLineReader(_toClient.Reader);
        _output = _toServer.Writer;
        var runner = new Pop3SessionRunner(backend, store.Store, locks, Microsoft.Extensions.Options.Options.Create(options),
            NullLoggerFactory.Instance, time, Telemetry, new ConnectionCounter());
        var transport = new PipeConnectionTransport(new DuplexPipe(_toServer.Reader, _toClient.Writer), implicitTls);
        var info = new Pop3ConnectionInfo("pop-" + Guid.NewGuid().ToString("N")[..8], new IPEndPoint(IPAddress.Parse("192.0.2.20"), 50000),
            new IPEndPoint(IPAddress.Loopback, 110), implicitTls is not null, "Pop3");
        Session = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(transport, info, _aborted.Token);
            }
            finally
            {
                await transport.DisposeAsync();
                await _toClient.Writer.CompleteAsync();
                await _toServer.Reader.CompleteAsync();
            }
        });
    }

    public MaildropStore Store { get; }

    public FakePop3Backend Backend { get; }

    public Pop3Telemetry Telemetry { get; } = new();

    /// <summary>Completes when the server side has ended the session.</summary>
    public Task Session { get; }

    /// <summary>Starts a session and reads the greeting. By default the connection counts as TLS (implicit).</summary>
    public static async Task<Pop3TestHarness> StartAsync(MaildropStore store, FakePop3Backend? backend = null, Action<Pop3ServerOptions>? configure = null,
        TlsInfo? implicitTls = null, bool plaintext = false, IPop3MaildropLocks? locks = null, TimeProvider? time = null)
    {
        var options = new Pop3ServerOptions { ServerName = "pop.test.example", Certificate = TestCertificates.Localhost };
        configure?.Invoke(options);
        var harness = new Pop3TestHarness(store, backend ?? new FakePop3Backend(), options, locks ?? new InProcessMaildropLocks(),
            plaintext ? null : implicitTls ?? PretendTls, time ?? TimeProvider.System);
        Assert.Equal("+OK pop.test.example POP3 server ready", await harness.ReadLineAsync());
        return harness;
    }

    public async Task SendAsync(string raw) => await SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(byte[] raw) => await _output.WriteAsync(raw).AsTask().WaitAsync(Patience);

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadLineAsync();
    }

    public async Task LoginAsync(string user = "alice", string password = "secret")
    {
        Assert.Equal("+OK Send your password", await CommandAsync("USER " + user));
        Assert.StartsWith("+OK Logged in", await CommandAsync("PASS " + password));
    }

    /// <summary>The next line, or "&lt;closed&gt;" once the server closed the connection.</summary>
    public async Task<string> ReadLineAsync()
    {
        var line = await _responses.ReadLineAsync(1 << 20, CancellationToken.None).AsTask().WaitAsync(Patience);
        return line.Status == LineStatus.EndOfInput ? "<closed>" : Encoding.UTF8.GetString(line.Line.Span);
    }

    /// <summary>The raw lines of a multi-line response body (still dot-stuffed), without the final ".".</summary>
    public async Task<List<string>> ReadMultiLineAsync()
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is var line && line != ".")
        {
            Assert.NotEqual("<closed>", line);
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The client side of STLS, after the server's +OK.</summary>
    public async Task StartClientTlsAsync()
    {
        _tls = new SslStream(new PipeStream(_toClient.Reader, _toServer.Writer), leaveInnerStreamOpen: false);
        await _tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }).WaitAsync(Patience);
        _responses.Input = PipeReader.Create(_tls, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(_tls, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>The client stops sending (a half-close): the server sees end of input.</summary>
    public async Task CompleteInputAsync() => await _toServer.Writer.CompleteAsync();

    /// <summary>The client goes away without QUIT.</summary>
    public async Task DropAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Session.WaitAsync(Patience);
    }

    public async Task WaitForSessionEndAsync() => await Session.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _aborted.CancelAsync();
        await Session.WaitAsync(Patience);
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        Telemetry.Dispose();
        _aborted.Dispose();
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>The client's end of the pipes as a stream, for its SslStream.</summary>
    private sealed class PipeStream(PipeReader input, PipeWriter output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                var read = await input.ReadAsync(cancellationToken);
                if (!read.Buffer.IsEmpty)
                {
                    var count = (int)Math.Min(buffer.Length, read.Buffer.Length);
                    read.Buffer.Slice(0, count).CopyTo(buffer.Span);
                    input.AdvanceTo(read.Buffer.GetPosition(count));
                    return count;
                }

                input.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return 0;
                }
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await output.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Text;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>
/// Runs one SMTP session over in-memory pipes and plays the client: the transcript tier of DESIGN.md. Waits are
/// bounded so a bug fails the test instead of hanging it; nothing sleeps.
/// </summary>
internal sealed class SmtpTestHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly PipeLineReader _replies;
    private PipeWriter _output;
    private readonly ILoggerFactory _loggerFactory;
    private SslStream? _tls;

    private SmtpTestHarness(FakeBackend backend, SmtpServerOptions options, ConnectionCounter counter, TlsInfo? implicitTls, IPEndPoint remote)
    {
        Backend = backend;
        Options = options;
        _replies = new PipeLineReader(_toClient.Reader);
        _output = _toServer.Writer;
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var runner = new SmtpSessionRunner(backend, Microsoft.Extensions.Options.Options.Create(options), _loggerFactory, Time, Telemetry, counter);
        var transport = new PipeConnectionTransport(new DuplexPipe(_toServer.Reader, _toClient.Writer), implicitTls);
        var info = new SmtpConnectionInfo("conn-" + Guid.NewGuid().ToString("N")[..8], remote, new IPEndPoint(IPAddress.Loopback, 25), implicitTls is not null, "Smtp");
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

    public FakeBackend Backend { get; }

    public SmtpServerOptions Options { get; }

    public ManualTimeProvider Time { get; } = new();

    public ListLoggerProvider Logs { get; } = new();

    public SmtpTelemetry Telemetry { get; } = new();

    /// <summary>Completes when the server side has ended the session.</summary>
    public Task Session { get; }

    public static SmtpTestHarness Start(FakeBackend? backend = null, Action<SmtpServerOptions>? configure = null,
        TlsInfo? implicitTls = null, ConnectionCounter? counter = null, IPEndPoint? remote = null)
    {
        var options = new SmtpServerOptions { ServerName = "mx.test.example", Certificate = TestCertificates.Localhost, EnableTranscript = true };
        configure?.Invoke(options);
        return new SmtpTestHarness(backend ?? new FakeBackend(), options, counter ?? new ConnectionCounter(), implicitTls,
            remote ?? new IPEndPoint(IPAddress.Parse("192.0.2.10"), 50000));
    }

    /// <summary>Starts a session, reads the banner and sends EHLO.</summary>
    public static async Task<SmtpTestHarness> StartGreetedAsync(FakeBackend? backend = null, Action<SmtpServerOptions>? configure = null)
    {
        var harness = Start(backend, configure);
        Assert.Equal(220, (await harness.ReadReplyAsync()).Code);
        Assert.Equal(250, (await harness.CommandAsync("EHLO client.example")).Code);
        return harness;
    }

    public async Task SendAsync(string raw) => await SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(byte[] raw)
    {
        await _output.WriteAsync(raw).AsTask().WaitAsync(Patience);
    }

    public async Task<TestReply> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Sends a command and asserts the reply's code and enhanced code, e.g. "250 2.1.0".</summary>
    public async Task<TestReply> ExpectAsync(string line, string status)
    {
        var reply = await CommandAsync(line);
        Assert.True(reply.Last.StartsWith(status + " ", StringComparison.Ordinal) || reply.Last == status, $"'{line}' got '{reply}', expected {status}");
        return reply;
    }

    public async Task<TestReply> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _replies.ReadLineAsync(4096, CancellationToken.None).AsTask().WaitAsync(Patience);
            Assert.True(line.Status == LineStatus.Complete, $"connection closed after: {string.Join(" | ", lines)}");
            var text = Encoding.UTF8.GetString(line.Line.Span);
            lines.Add(text);
            if (text.Length < 4 || text[3] != '-')
            {
                return new TestReply(int.Parse(text[..3], System.Globalization.CultureInfo.InvariantCulture), lines);
            }
        }
    }

    /// <summary>True when the server closed the connection with nothing more to say.</summary>
    public async Task<bool> IsClosedAsync()
    {
        var line = await _replies.ReadLineAsync(4096, CancellationToken.None).AsTask().WaitAsync(Patience);
        return line.Status == LineStatus.EndOfInput;
    }

    /// <summary>The client side of STARTTLS, after the server's 220.</summary>
    public async Task StartClientTlsAsync()
    {
        _tls = new SslStream(new DuplexPipeStream(_toClient.Reader, _toServer.Writer), leaveInnerStreamOpen: false);
        await _tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }).WaitAsync(Patience);
        _replies.Input = PipeReader.Create(_tls, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(_tls, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>The client stops sending (end of input), as a peer that half-closes.</summary>
    public async Task CompleteInputAsync() => await _toServer.Writer.CompleteAsync();

    /// <summary>Everything the server sent until it closed.</summary>
    public async Task<string> ReadToEndAsync()
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = await _replies.ReadLineAsync(1 << 20, CancellationToken.None).AsTask().WaitAsync(Patience);
            if (line.Status == LineStatus.EndOfInput)
            {
                return text.ToString();
            }

            text.Append(Encoding.UTF8.GetString(line.Line.Span)).Append('\n');
        }
    }

    /// <summary>Yields until <paramref name="condition"/> holds (bounded), for state the client cannot see.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
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
        _loggerFactory.Dispose();
        _aborted.Dispose();
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

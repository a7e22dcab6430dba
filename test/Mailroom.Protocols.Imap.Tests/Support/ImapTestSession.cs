using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;
using Mailroom.Networking;
using Mailroom.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailroom.Protocols.Imap.Tests;

/// <summary>
/// An IMAP session in process, over in-memory pipes, against a real SQLite mailbox store in a temporary folder.
/// Write commands with <see cref="CommandAsync"/> and assert on the lines the server sent. User "user"/"secret"
/// owns <see cref="MailboxId"/>.
/// </summary>
public sealed class ImapTestSession : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly string _folder;
    private Task _run = Task.CompletedTask;
    private int _tag;

    private ImapTestSession(string folder, SqliteMailboxStore store, ImapServerOptions options)
    {
        _folder = folder;
        Store = store;
        Options = options;
    }

    public Guid MailboxId { get; } = Guid.NewGuid();

    public SqliteMailboxStore Store { get; }

    public ImapServerOptions Options { get; }

    /// <summary>The greeting line.</summary>
    public string Greeting { get; private set; } = string.Empty;

    public static async Task<ImapTestSession> StartAsync(Action<ImapServerOptions>? configure = null, IPAddress? remote = null, SqliteMailboxStore? sharedStore = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mailroom-imap-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var store = sharedStore ?? new SqliteMailboxStore(folder);
        await store.InitializeAsync();
        var options = new ImapServerOptions { ServerName = "imap.test" };
        configure?.Invoke(options);
        var session = new ImapTestSession(folder, store, options);
        await session.RunAsync(remote ?? IPAddress.Loopback);
        return session;
    }

    /// <summary>A second session on the same store and user (for updates between sessions).</summary>
    public async Task<ImapTestSession> OpenSiblingAsync()
    {
        var sibling = new ImapTestSession(_folder + "-sibling", Store, Options) { };
        sibling.SiblingOf = this;
        await sibling.RunAsync(IPAddress.Loopback);
        return sibling;
    }

    private ImapTestSession? SiblingOf { get; set; }

    private Guid Owner => SiblingOf?.MailboxId ?? MailboxId;

    private async Task RunAsync(IPAddress remote)
    {
        var backend = new TestBackend(Owner);
        var runner = new ImapSessionRunner(backend, Store, Microsoft.Extensions.Options.Options.Create(Options), NullLoggerFactory.Instance, TimeProvider.System);
        var transport = new PipeConnectionTransport(new DuplexPipe(_toServer.Reader, _toClient.Writer));
        var info = new ImapConnectionInfo("test", new IPEndPoint(remote, 40000), new IPEndPoint(IPAddress.Loopback, 143), false, "Imap");
        _run = Task.Run(async () =>
        {
            await runner.RunAsync(transport, info, _aborted.Token);
            await _toClient.Writer.CompleteAsync();
        });
        Greeting = await ReadLineAsync() ?? throw new InvalidOperationException("No greeting.");
    }

    /// <summary>Sends raw octets (no CRLF added).</summary>
    public async Task SendRawAsync(byte[] octets) => await _toServer.Writer.WriteAsync(octets);

    /// <summary>Closes the client's sending side (the server sees end of input).</summary>
    public async Task EndInputAsync() => await _toServer.Writer.CompleteAsync();

    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    /// <summary>Sends <c>tag command</c> and returns every line up to and including the tagged one.</summary>
    public async Task<IReadOnlyList<string>> CommandAsync(string command)
    {
        var tag = "A" + (++_tag).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(tag + " " + command);
        return await ReadUntilTaggedAsync(tag);
    }

    /// <summary>Logs in as user/secret and asserts OK.</summary>
    public async Task LoginAsync()
    {
        var lines = await CommandAsync("LOGIN user secret");
        Assert.StartsWith("A", lines[^1]);
        Assert.Contains(" OK ", lines[^1]);
    }

    public async Task<IReadOnlyList<string>> ReadUntilTaggedAsync(string tag)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new InvalidOperationException("Connection closed; got: " + string.Join(" | ", lines));
            lines.Add(line);
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return lines;
            }
        }
    }

    /// <summary>The next line from the server, or null when it closed the connection.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var read = await _toClient.Reader.ReadAsync(timeout.Token);
            var buffer = read.Buffer;
            var lf = buffer.PositionOf((byte)'\n');
            if (lf is { } position)
            {
                var line = Encoding.UTF8.GetString(buffer.Slice(0, position).ToArray()).TrimEnd('\r');
                _toClient.Reader.AdvanceTo(buffer.GetPosition(1, position));
                return line;
            }

            _toClient.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>Delivers a message into the Inbox as transport would (the change feed tells the sessions).</summary>
    public async Task<AppendResult> DeliverAsync(string subject, string body = "Hello")
    {
        var message = $"From: a@example.com\r\nTo: user@example.com\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.com>\r\n\r\n{body}\r\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(message));
        var stored = await MessageImport.ImportAsync(Store.Blobs, stream);
        return await Store.DeliverAsync(Owner, NewMessage.From(stored, DateTimeOffset.UtcNow));
    }

    /// <summary>Delivers the given message bytes into the Inbox with an internal date of the test's choosing.</summary>
    public async Task<AppendResult> DeliverAsync(byte[] message, DateTimeOffset internalDate)
    {
        using var stream = new MemoryStream(message);
        var stored = await MessageImport.ImportAsync(Store.Blobs, stream);
        return await Store.DeliverAsync(Owner, NewMessage.From(stored, internalDate));
    }

    /// <summary>Waits until the server ends the session.</summary>
    public async Task WaitForEndAsync() => await _run.WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _aborted.CancelAsync();
        try
        {
            await _run.WaitAsync(Wait);
        }
        catch (OperationCanceledException)
        {
        }

        _aborted.Dispose();
        if (SiblingOf is null)
        {
            try
            {
                System.IO.Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    private sealed class TestBackend(Guid mailboxId) : IImapBackend
    {
        public ValueTask<ImapAuthResult> AuthenticateAsync(ImapConnectionInfo connection, SaslCredentials credentials, CancellationToken cancellationToken) =>
            ValueTask.FromResult(credentials is { UserName: "user", Password: "secret" } ? ImapAuthResult.Success(mailboxId, "user@example.com") : ImapAuthResult.Failed);

        public ValueTask<ImapQuota?> GetQuotaAsync(Guid mailboxId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ImapQuota?>(new ImapQuota(1024 * 1024, null));
    }
}

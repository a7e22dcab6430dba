using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>An in-memory backend: users alice/secret, "unknown@..." recipients refused, messages kept in memory.</summary>
internal sealed class FakeBackend : ISmtpBackend
{
    public SmtpPolicy Policy { get; set; } = new() { ConnectorName = "Default Frontend TEST", Fqdn = "mx.test.example" };

    public SmtpReply? ConnectRefusal { get; set; }

    public SmtpReply? BeginRefusal { get; set; }

    public bool ThrowOnMail { get; set; }

    public Dictionary<string, string> Users { get; } = new(StringComparer.OrdinalIgnoreCase) { ["alice"] = "secret" };

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    public ConcurrentQueue<SaslCredentials> AuthAttempts { get; } = new();

    public ConcurrentQueue<SmtpConnectionInfo> Connections { get; } = new();

    public int Aborts => _aborts;

    public int SessionsEnded => _ended;

    /// <summary>Completed with the first body bytes a sink receives: proof that content streams.</summary>
    public TaskCompletionSource<int> FirstWrite { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _aborts;
    private int _ended;
    private int _queueId;

    public ValueTask<SmtpConnectResult> ConnectAsync(SmtpConnectionInfo connection, CancellationToken cancellationToken)
    {
        Connections.Enqueue(connection);
        return ValueTask.FromResult(ConnectRefusal is { } refusal ? SmtpConnectResult.Refuse(refusal) : SmtpConnectResult.Accept(Policy));
    }

    public ValueTask<SmtpAuthResult> AuthenticateAsync(SmtpSession session, SaslCredentials credentials, CancellationToken cancellationToken)
    {
        AuthAttempts.Enqueue(credentials);
        var ok = credentials.AuthorizationId is null && Users.TryGetValue(credentials.UserName, out var password) && password == credentials.Password;
        return ValueTask.FromResult(ok ? SmtpAuthResult.Success(new object(), credentials.UserName) : SmtpAuthResult.Failure());
    }

    public ValueTask<SmtpReply?> MailFromAsync(SmtpSession session, SmtpMailFrom mailFrom, CancellationToken cancellationToken)
    {
        if (ThrowOnMail)
        {
            throw new InvalidOperationException("database down");
        }

        return ValueTask.FromResult(mailFrom.ReversePath.LocalPart == "blocked" ? new SmtpReply(550, "5.1.0", "Sender denied") : null);
    }

    public ValueTask<SmtpReply?> RcptToAsync(SmtpSession session, SmtpRcptTo rcptTo, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rcptTo.ForwardPath.LocalPart == "unknown"
            ? new SmtpReply(550, "5.1.1", "RESOLVER.ADR.ExRecipNotFound; not found")
            : null);

    public ValueTask<SmtpMessageStart> BeginMessageAsync(SmtpSession session, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BeginRefusal is { } refusal
            ? SmtpMessageStart.Refuse(refusal)
            : SmtpMessageStart.Accept(new Sink(this, session.Transaction!, session.AuthenticatedUserName, session.ReceivedProtocol)));

    public ValueTask SessionEndedAsync(SmtpSession session)
    {
        Interlocked.Increment(ref _ended);
        return ValueTask.CompletedTask;
    }

    public sealed record ReceivedMessage(SmtpEnvelope Envelope, byte[] Body, int Writes, string? User, string Protocol)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    private sealed class Sink(FakeBackend owner, SmtpEnvelope envelope, string? user, string protocol) : ISmtpMessageSink
    {
        private readonly MemoryStream _body = new();
        private int _writes;

        public ValueTask WriteAsync(ReadOnlySequence<byte> bodyBytes, CancellationToken cancellationToken)
        {
            foreach (var segment in bodyBytes)
            {
                _body.Write(segment.Span);
            }

            _writes++;
            owner.FirstWrite.TrySetResult((int)bodyBytes.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask<SmtpReply> CommitAsync(CancellationToken cancellationToken)
        {
            owner.Messages.Enqueue(new ReceivedMessage(envelope, _body.ToArray(), _writes, user, protocol));
            var id = Interlocked.Increment(ref owner._queueId);
            return ValueTask.FromResult(new SmtpReply(250, "2.6.0", $"<{id}@mx.test.example> Queued mail for delivery"));
        }

        public ValueTask AbortAsync()
        {
            Interlocked.Increment(ref owner._aborts);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => _body.DisposeAsync();
    }
}

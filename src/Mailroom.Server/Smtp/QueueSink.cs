using System.Buffers;
using Mailroom.Protocols.Smtp;
using Mailroom.Transport.Acceptance;

namespace Mailroom.Server.Smtp;

/// <summary>The engine's body sink over a message being accepted into the queue.</summary>
internal sealed class QueueSink(IncomingMessage message) : ISmtpMessageSink
{
    public ValueTask WriteAsync(ReadOnlySequence<byte> bodyBytes, CancellationToken cancellationToken) =>
        message.WriteAsync(bodyBytes, cancellationToken);

    public async ValueTask<SmtpReply> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await message.CommitAsync(cancellationToken);
            var code = int.Parse(result.Reply.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture);
            var rest = result.Reply[4..];
            var space = rest.IndexOf(' ');
            return new SmtpReply(code, rest[..space], rest[(space + 1)..]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not durable, so not accepted: the client keeps the message and tries again.
            return new SmtpReply(451, "4.3.0", "Temporary failure while storing the message; try again later");
        }
    }

    public async ValueTask AbortAsync() => await message.AbortAsync();

    public ValueTask DisposeAsync() => message.DisposeAsync();
}

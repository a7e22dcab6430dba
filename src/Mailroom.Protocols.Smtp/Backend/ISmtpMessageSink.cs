using System.Buffers;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Where one message body goes while it arrives. The engine calls <see cref="WriteAsync"/> zero or more times, then
/// exactly one of <see cref="CommitAsync"/> or <see cref="AbortAsync"/>, then <see cref="IAsyncDisposable.DisposeAsync"/>.
/// </summary>
public interface ISmtpMessageSink : IAsyncDisposable
{
    /// <summary>Body bytes as they arrive: dot-unstuffed for DATA, verbatim for BDAT; the final CRLF.CRLF excluded.
    /// The bytes are only valid during the call.</summary>
    ValueTask WriteAsync(ReadOnlySequence<byte> bodyBytes, CancellationToken cancellationToken);

    /// <summary>
    /// The body is complete and within limits. Make the message and its envelope durable, then return the reply,
    /// e.g. <c>250 2.6.0 &lt;id&gt; Queued mail for delivery</c>; or a 4xx/5xx when it cannot be accepted.
    /// </summary>
    ValueTask<SmtpReply> CommitAsync(CancellationToken cancellationToken);

    /// <summary>The message will not be committed (size exceeded, bad content, connection lost, RSET).</summary>
    ValueTask AbortAsync();
}

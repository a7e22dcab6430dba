using System.Buffers;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Feeds one message's content to its <see cref="ISmtpMessageSink"/> while enforcing the size limit as bytes arrive:
/// past the limit the sink is aborted and further content is only counted (RFC 1870 §6.3: the client still sends
/// everything, the server answers 552 at the end).
/// </summary>
internal sealed class MessageReceiver(SmtpSession session, ISmtpMessageSink sink)
{
    private bool _finished;

    /// <summary>Content octets seen, stored or not.</summary>
    public long Received { get; private set; }

    public bool TooBig { get; private set; }

    /// <summary>The sink threw; the message can only be refused.</summary>
    public bool SinkFailed { get; private set; }

    /// <summary>The reply for a message that can no longer be accepted, or null while it still can.</summary>
    public SmtpReply? FailureReply => TooBig ? SmtpReplies.MessageTooBig : SinkFailed ? SmtpReplies.LocalError : null;

    public async ValueTask WriteAsync(ReadOnlySequence<byte> content)
    {
        Received += content.Length;
        if (_finished || TooBig || SinkFailed)
        {
            return;
        }

        if (Received > session.Policy.MaxMessageSize)
        {
            TooBig = true;
            SmtpLog.MessageTooBig(session.Services.Logger, session.Id, session.Policy.MaxMessageSize);
            await AbortAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await sink.WriteAsync(content, session.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, "ISmtpMessageSink.WriteAsync", ex);
            SinkFailed = true;
            await AbortAsync().ConfigureAwait(false);
        }
    }

    /// <summary>All content received: commits unless a limit or <paramref name="contentError"/> fails the message.</summary>
    public async ValueTask<SmtpReply> FinishAsync(SmtpReply? contentError)
    {
        var reply = FailureReply ?? contentError;
        if (reply is not null)
        {
            await AbortAsync().ConfigureAwait(false);
        }
        else
        {
            try
            {
                _finished = true;
                reply = await sink.CommitAsync(session.Aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SmtpLog.BackendFailed(session.Services.Logger, session.Id, "ISmtpMessageSink.CommitAsync", ex);
                reply = SmtpReplies.LocalError;
            }
        }

        await DisposeAsync().ConfigureAwait(false);
        var telemetry = session.Services.Telemetry;
        telemetry.Messages.Add(1, new KeyValuePair<string, object?>("outcome", reply.IsPositive ? "accepted" : "rejected"));
        telemetry.MessageSize.Record(Received);
        SmtpLog.MessageFinished(session.Services.Logger, session.Id, Received, session.Transaction?.Recipients.Count ?? 0, reply.Code, reply.EnhancedStatusCode);
        return reply;
    }

    /// <summary>Gives up on the message (limit, RSET, lost connection); safe to call more than once.</summary>
    public async ValueTask AbortAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            await sink.AbortAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, "ISmtpMessageSink.AbortAsync", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SmtpLog.BackendFailed(session.Services.Logger, session.Id, "ISmtpMessageSink.DisposeAsync", ex);
        }
    }
}

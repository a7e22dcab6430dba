using System.Buffers;
using System.Security.Cryptography;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Intake;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Routing;
using Mailroom.Transport.Tracking;

namespace Mailroom.Transport.Acceptance;

/// <summary>
/// Takes a message from a receiving session into the queue: the body streams into the blob store behind the trace
/// fields, and only when the body is durable and the queue rows are committed is the message accepted (the caller
/// answers 250 then, never before). Then the queue processor is woken.
/// </summary>
public sealed class MessageAcceptance(
    IQueueStore queue, IMessageBodies bodies, IMessageTrackingLog tracking, QueueProcessor processor, TransportOptions options,
    TimeProvider time, string node, string fqdn)
{
    public IncomingMessage Begin(IncomingEnvelope envelope, CancellationToken cancellationToken)
    {
        var id = NewQueueId();
        var writer = bodies.CreateWriter(cancellationToken);
        var stamp = new TraceStamp(
            envelope.ReversePath, envelope.HeloName, envelope.RemoteAddress, fqdn, envelope.Esmtp, envelope.Tls, envelope.Submitter is not null,
            id, time.GetUtcNow(), envelope.Recipients.Count == 1 ? envelope.Recipients[0].Address : null);
        return new IncomingMessage(this, envelope, id, writer, new MessageIntake(writer.Stream, stamp));
    }

    internal async Task<AcceptanceResult> CommitAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var summary = await message.Intake.CompleteAsync(cancellationToken);
        if (summary.ReceivedCount > MessageIntake.MaxHops)
        {
            await message.Writer.AbortAsync();
            return new AcceptanceResult(false, message.QueueId, "554 5.4.14 Hop count exceeded - possible mail loop");
        }

        var bodyId = await message.Writer.CompleteAsync();
        var now = time.GetUtcNow();
        var envelope = message.Envelope;
        var queued = new QueuedMessage(
            message.QueueId, bodyId, message.Intake.StoredBytes, message.Intake.ReturnPathBytes, envelope.ReversePath, message.Intake.MessageId,
            envelope.EnvelopeId, envelope.Ret, now, now + options.MessageExpirationTimeout, envelope.Source, envelope.RemoteAddress.ToString(), envelope.Submitter, node);
        var recipients = envelope.Recipients.Select(r => new QueuedRecipient(
            message.QueueId, r.Address, (r.Resolution as RecipientResolution.LocalMailbox)?.MailboxId, NextHopOf(r), RecipientStatus.Ready, 0, now, null, r.Notify, r.OriginalRecipient)).ToList();
        await queue.EnqueueAsync(queued, recipients, cancellationToken);
        processor.Signal();
        tracking.Record(new MessageTrackingEvent(
            now.UtcDateTime, envelope.Submitter is null ? TrackingEvents.Receive : TrackingEvents.Submit, "SMTP", node, envelope.RemoteAddress.ToString(), envelope.HeloName,
            envelope.Source, envelope.ReversePath, envelope.Recipients.Select(r => r.Address).ToList(), null, message.Intake.MessageId, message.QueueId,
            message.Intake.StoredBytes, null));
        return new AcceptanceResult(true, message.QueueId, $"250 2.6.0 {message.Intake.MessageId} [InternalId={message.QueueId}] Queued mail for delivery");
    }

    private static string NextHopOf(AcceptedRecipient recipient) => recipient.Resolution switch
    {
        RecipientResolution.LocalMailbox local => NextHop.Mailbox(local.Database),
        RecipientResolution.Relay relay => NextHop.Smtp(relay.Domain),
        _ => throw new InvalidOperationException($"{recipient.Address} was accepted without a route."),
    };

    /// <summary>Sortable by arrival (milliseconds) and unique across nodes (random tail).</summary>
    private string NewQueueId() =>
        $"{time.GetUtcNow().ToUnixTimeMilliseconds():X11}{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
}

/// <summary>A message whose body is arriving.</summary>
public sealed class IncomingMessage : IAsyncDisposable
{
    private readonly MessageAcceptance acceptance;
    private bool done;

    internal IncomingMessage(MessageAcceptance acceptance, IncomingEnvelope envelope, string queueId, IBodyWriter writer, MessageIntake intake)
    {
        this.acceptance = acceptance;
        Envelope = envelope;
        QueueId = queueId;
        Writer = writer;
        Intake = intake;
    }

    public IncomingEnvelope Envelope { get; }

    public string QueueId { get; }

    internal IBodyWriter Writer { get; }

    internal MessageIntake Intake { get; }

    public ValueTask WriteAsync(ReadOnlySequence<byte> chunk, CancellationToken cancellationToken) => Intake.WriteAsync(chunk, cancellationToken);

    public async Task<AcceptanceResult> CommitAsync(CancellationToken cancellationToken)
    {
        done = true;
        return await acceptance.CommitAsync(this, cancellationToken);
    }

    public async Task AbortAsync()
    {
        done = true;
        await Writer.AbortAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!done)
        {
            await AbortAsync();
        }
    }
}

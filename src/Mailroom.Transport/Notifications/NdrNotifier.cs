using System.Buffers;
using System.Net;
using Mailroom.Addressing;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Transport.Acceptance;
using Mailroom.Transport.Delivery;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Routing;
using Mailroom.Transport.Tracking;
using MimeKit;

namespace Mailroom.Transport.Notifications;

/// <summary>
/// Sends the NDR when a recipient fails: an RFC 3464 report from <c>postmaster@&lt;default domain&gt;</c>, queued with
/// a null sender (so it can never bounce back) like any other message. A message with a null sender gets no NDR
/// (RFC 5321 §4.5.5), which is what stops bounce loops.
/// </summary>
public sealed class NdrNotifier(
    IDirectoryStore directory, IMessageBodies bodies, Func<MessageAcceptance> acceptance, IMessageTrackingLog tracking, TimeProvider time, string node, string fqdn)
    : IFailureNotifier
{
    public async Task RecipientFailedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken)
    {
        await tracking.WriteAsync(Event(TrackingEvents.Fail, message, [recipient.Address], reply, message.ReversePath, time.GetUtcNow()), cancellationToken);
        if (Dsn.Requests(recipient.Notify, "FAILURE"))
        {
            await ReportAsync(message, new FailedRecipient(recipient.Address, recipient.OriginalRecipient, reply), "Undeliverable: ", cancellationToken);
        }
    }

    public Task RecipientDeliveredAsync(QueuedMessage message, QueuedRecipient recipient, CancellationToken cancellationToken) =>
        ReportAsync(
            message,
            new FailedRecipient(recipient.Address, recipient.OriginalRecipient, "250 2.0.0 OK", NextHop.IsLocal(recipient.NextHop) ? "delivered" : "relayed"),
            "Delivered: ",
            cancellationToken);

    public Task RecipientDelayedAsync(QueuedMessage message, QueuedRecipient recipient, string reply, CancellationToken cancellationToken) =>
        ReportAsync(
            message,
            new FailedRecipient(recipient.Address, recipient.OriginalRecipient, reply, "delayed") { WillRetryUntil = message.ExpiresAt },
            "Delivery delayed: ",
            cancellationToken);

    private async Task ReportAsync(QueuedMessage message, FailedRecipient reported, string subjectPrefix, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (message.ReversePath.Length == 0 || !SmtpAddress.TryParse(message.ReversePath, out var sender))
        {
            return;
        }

        var postmaster = "postmaster@" + await DefaultDomainAsync(cancellationToken);
        HeaderList headers;
        await using (var body = await bodies.OpenReadAsync(message.BlobId, cancellationToken))
        {
            body.Seek(message.ReturnPathBytes, SeekOrigin.Begin);
            headers = await HeaderList.LoadAsync(body, cancellationToken);
        }

        var report = DeliveryReportBuilder.Build(
            postmaster, sender!.ToString(), fqdn, message.EnvelopeId, message.ReceivedAt,
            [reported], headers, now, subjectPrefix);
        var route = await new RecipientResolver(directory).ResolveAsync(sender, cancellationToken);
        if (route is RecipientResolution.Unknown)
        {
            return; // the sender claims our domain but doesn't exist: nobody to tell
        }

        await using var incoming = acceptance().Begin(
            new IncomingEnvelope(string.Empty, [new AcceptedRecipient(sender.ToString(), route)], fqdn, IPAddress.Loopback, Esmtp: true, Tls: false, Submitter: null, Source: "DSN"),
            cancellationToken);
        using (var buffer = new MemoryStream())
        {
            await report.WriteToAsync(buffer, cancellationToken);
            await incoming.WriteAsync(new ReadOnlySequence<byte>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), cancellationToken);
        }

        var accepted = await incoming.CommitAsync(cancellationToken);
        await tracking.WriteAsync(Event(TrackingEvents.Dsn, message, [sender.ToString()], accepted.Reply, postmaster, now) with { Reference = accepted.QueueId }, cancellationToken);
    }

    private Task<string> DefaultDomainAsync(CancellationToken cancellationToken) =>
        directory.ReadAsync(async reader =>
        {
            await foreach (var domain in reader.ListAsync<AcceptedDomain>(cancellationToken))
            {
                if (domain.Default)
                {
                    return SmtpDomain.Parse(domain.DomainName).Domain;
                }
            }

            return fqdn;
        }, cancellationToken);

    private MessageTrackingEvent Event(string eventId, QueuedMessage message, IReadOnlyList<string> recipients, string status, string sender, DateTimeOffset now) =>
        new(now.UtcDateTime, eventId, "DSN", node, null, null, null, sender, recipients, status, message.MessageId, message.Id, message.Size, null);
}

using System.Globalization;
using MimeKit;

namespace Mailroom.Transport.Notifications;

/// <summary>One recipient line of a delivery status notification.</summary>
public sealed record FailedRecipient(string Address, string? OriginalRecipient, string Reply, string? ReportedAction = null)
{
    /// <summary>RFC 3464 §2.3.3 action: failed, delayed, delivered or relayed.</summary>
    public string Action => ReportedAction ?? (IsPermanent ? "failed" : "delayed");

    /// <summary>The enhanced status code inside the reply (<c>5.1.1</c>), or a generic one by class.</summary>
    public string Status
    {
        get
        {
            var parts = Reply.Split(' ', 3);
            return parts.Length > 1 && parts[1].Count(c => c == '.') == 2 && char.IsAsciiDigit(parts[1][0])
                ? parts[1]
                : Reply.StartsWith('4') ? "4.0.0" : "5.0.0";
        }
    }

    public bool IsPermanent => Status.StartsWith('5');

    /// <summary>For a delayed recipient: when the server gives up (RFC 3464 §2.3.9 Will-Retry-Until).</summary>
    public DateTimeOffset? WillRetryUntil { get; init; }
}

/// <summary>
/// Builds an RFC 3464 non-delivery report: <c>multipart/report; report-type=delivery-status</c> with a readable
/// explanation, the per-recipient <c>message/delivery-status</c> fields, and the original message's headers
/// (<c>text/rfc822-headers</c>), sent from <c>postmaster@&lt;default domain&gt;</c> to the envelope sender.
/// </summary>
public static class DeliveryReportBuilder
{
    public static MimeMessage Build(
        string postmaster, string sender, string reportingMta, string? envelopeId, DateTimeOffset arrival,
        IReadOnlyList<FailedRecipient> recipients, HeaderList originalHeaders, DateTimeOffset now, string subjectPrefix = "Undeliverable: ")
    {
        var report = new MimeMessage();
        report.From.Add(new MailboxAddress("Mail Delivery System", postmaster));
        report.To.Add(MailboxAddress.Parse(sender));
        var subject = originalHeaders[HeaderId.Subject];
        report.Subject = subjectPrefix + (subject ?? string.Empty);
        report.Date = now;
        report.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(reportingMta);
        report.Headers.Add("Auto-Submitted", "auto-replied");

        var multipart = new MultipartReport("delivery-status");
        multipart.Add(new TextPart("plain") { Text = Explanation(reportingMta, recipients) });
        multipart.Add(DeliveryStatus(reportingMta, envelopeId, arrival, recipients, now));
        var headersPart = new MimePart("text", "rfc822-headers") { Content = new MimeContent(HeadersStream(originalHeaders)) };
        multipart.Add(headersPart);
        report.Body = multipart;
        return report;
    }

    private static string Explanation(string reportingMta, IReadOnlyList<FailedRecipient> recipients)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(
            recipients.All(r => r.Action is "delivered" or "relayed") ? "Your message has been delivered to the following recipients:"
            : recipients.All(r => r.Action == "delayed") ? "Delivery is delayed to these recipients or groups. The server will keep trying; you don't need to send the message again:"
            : "Delivery has failed to these recipients or groups:");
        text.AppendLine();
        foreach (var r in recipients)
        {
            text.AppendLine(r.Address);
            text.AppendLine("    " + r.Reply);
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Diagnostic information for administrators: generating server {reportingMta}.");
        return text.ToString();
    }

    private static MessageDeliveryStatus DeliveryStatus(string reportingMta, string? envelopeId, DateTimeOffset arrival, IReadOnlyList<FailedRecipient> recipients, DateTimeOffset now)
    {
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList();
        if (envelopeId is not null)
        {
            perMessage.Add("Original-Envelope-Id", envelopeId);
        }

        perMessage.Add("Reporting-MTA", "dns;" + reportingMta);
        perMessage.Add("Arrival-Date", MimeKit.Utils.DateUtils.FormatDate(arrival));
        status.StatusGroups.Add(perMessage);
        foreach (var r in recipients)
        {
            var fields = new HeaderList();
            if (r.OriginalRecipient is not null)
            {
                fields.Add("Original-Recipient", r.OriginalRecipient);
            }

            fields.Add("Final-Recipient", "rfc822;" + r.Address);
            fields.Add("Action", r.Action);
            fields.Add("Status", r.Status);
            fields.Add("Diagnostic-Code", "smtp;" + r.Reply);
            fields.Add("Last-Attempt-Date", MimeKit.Utils.DateUtils.FormatDate(now));
            if (r.WillRetryUntil is { } until)
            {
                fields.Add("Will-Retry-Until", MimeKit.Utils.DateUtils.FormatDate(until));
            }

            status.StatusGroups.Add(fields);
        }

        return status;
    }

    private static MemoryStream HeadersStream(HeaderList headers)
    {
        var stream = new MemoryStream();
        headers.WriteTo(stream);
        stream.Position = 0;
        return stream;
    }
}

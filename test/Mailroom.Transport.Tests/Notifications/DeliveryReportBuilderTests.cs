using MimeKit;
using Mailroom.Transport.Notifications;

namespace Mailroom.Transport.Tests.Notifications;

public sealed class DeliveryReportBuilderTests
{
    [Fact]
    public void AnNdrIsAnRfc3464ReportWithTheOriginalHeaders()
    {
        var original = new HeaderList { { "Subject", "Quarterly numbers" }, { "Message-ID", "<orig@example.org>" } };
        var report = DeliveryReportBuilder.Build(
            "postmaster@contoso.com", "sender@example.org", "ex1.contoso.com", "ENV42",
            new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero),
            [new FailedRecipient("alice@contoso.com", "rfc822;Alice@contoso.com", "554 5.2.2 mailbox full")],
            original, new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal("postmaster@contoso.com", ((MailboxAddress)report.From[0]).Address);
        Assert.Equal("Undeliverable: Quarterly numbers", report.Subject);
        var multipart = Assert.IsType<MultipartReport>(report.Body);
        Assert.Equal("delivery-status", multipart.ReportType);
        var status = Assert.IsType<MessageDeliveryStatus>(multipart[1]);
        Assert.Equal("dns;ex1.contoso.com", status.StatusGroups[0]["Reporting-MTA"]);
        Assert.Equal("ENV42", status.StatusGroups[0]["Original-Envelope-Id"]);
        Assert.Equal("rfc822;alice@contoso.com", status.StatusGroups[1]["Final-Recipient"]);
        Assert.Equal("failed", status.StatusGroups[1]["Action"]);
        Assert.Equal("5.2.2", status.StatusGroups[1]["Status"]);
        Assert.Equal("smtp;554 5.2.2 mailbox full", status.StatusGroups[1]["Diagnostic-Code"]);
        var headers = Assert.IsType<MimePart>(multipart[2]);
        Assert.Equal("text/rfc822-headers", headers.ContentType.MimeType);
        using var text = new StreamReader(headers.Content!.Open());
        Assert.Contains("Message-ID: <orig@example.org>", text.ReadToEnd());
        Assert.Equal("auto-replied", report.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void ADelayNoticeSaysDelayedAndUntilWhenTheServerKeepsTrying()
    {
        var until = new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
        var report = DeliveryReportBuilder.Build(
            "postmaster@contoso.com", "sender@example.org", "ex1.contoso.com", null,
            new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero),
            [new FailedRecipient("bob@fabrikam.com", null, "451 4.4.1 connection refused", "delayed") { WillRetryUntil = until }],
            new HeaderList { { "Subject", "Plans" } }, new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), "Delivery delayed: ");

        Assert.Equal("Delivery delayed: Plans", report.Subject);
        var multipart = Assert.IsType<MultipartReport>(report.Body);
        Assert.Contains("Delivery is delayed", ((TextPart)multipart[0]).Text);
        var fields = Assert.IsType<MessageDeliveryStatus>(multipart[1]).StatusGroups[1];
        Assert.Equal("delayed", fields["Action"]);
        Assert.Equal("4.4.1", fields["Status"]);
        Assert.Equal(MimeKit.Utils.DateUtils.FormatDate(until), fields["Will-Retry-Until"]);
    }

    [Theory]
    [InlineData("550 5.1.1 User unknown", "5.1.1", true)]
    [InlineData("451 4.4.0 no route", "4.4.0", false)]
    [InlineData("550 Unable to relay", "5.0.0", true)]
    public void TheStatusComesFromTheEnhancedCodeOfTheReply(string reply, string status, bool permanent)
    {
        var recipient = new FailedRecipient("a@b.c", null, reply);
        Assert.Equal(status, recipient.Status);
        Assert.Equal(permanent, recipient.IsPermanent);
    }
}

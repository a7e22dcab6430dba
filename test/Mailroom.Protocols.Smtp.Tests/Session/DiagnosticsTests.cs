using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task Meter_and_activity_source_are_named_mailroom_smtp()
    {
        var measurements = new ConcurrentQueue<(string Name, long Value)>();
        using var meters = new MeterListener();
        var harness = SmtpTestHarness.Start();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SmtpTelemetry.Name && ReferenceEquals(instrument.Meter, harness.Telemetry.Messages.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        meters.Start();

        await using (var smtp = harness)
        {
            await smtp.ReadReplyAsync();
            await smtp.ExpectAsync("EHLO x", "250");
            await smtp.ExpectAsync("BOGUS", "500 5.5.1");
            await smtp.ExpectAsync("MAIL FROM:<a@example.org>", "250 2.1.0");
            await smtp.ExpectAsync("RCPT TO:<b@test.example>", "250 2.1.5");
            await smtp.SendAsync("BDAT 5 LAST\r\nhello");
            Assert.Equal("250 2.6.0", (await smtp.ReadReplyAsync()).Status);
        }

        Assert.Contains(("mailroom.smtp.messages", 1L), measurements);
        Assert.Contains(("mailroom.smtp.message.size", 5L), measurements);
        Assert.Contains(("mailroom.smtp.protocol_errors", 1L), measurements);
        Assert.Equal(5, measurements.Count(m => m.Name == "mailroom.smtp.commands"));
    }

    [Fact]
    public async Task Each_session_is_an_activity()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SmtpTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using (var smtp = SmtpTestHarness.Start(remote: new System.Net.IPEndPoint(System.Net.IPAddress.Parse("198.51.100.77"), 1)))
        {
            await smtp.ReadReplyAsync();
            await smtp.ExpectAsync("QUIT", "221");
            await smtp.WaitForSessionEndAsync();
        }

        Assert.Contains(activities, a => a.OperationName == "smtp.session" && (string?)a.GetTagItem("network.peer.address") == "198.51.100.77");
    }
}

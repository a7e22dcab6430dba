using System.Buffers;
using System.Net;
using System.Text;
using Mailroom.Transport.Intake;

namespace Mailroom.Transport.Tests.Intake;

public sealed class MessageIntakeTests
{
    private static readonly TraceStamp Stamp = new(
        "alice@contoso.com", "client.example", IPAddress.Parse("192.0.2.7"), "ex1.contoso.com", Esmtp: true, Tls: true, Authenticated: false,
        "Q0001", new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero), "bob@contoso.com");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task TraceFieldsComeFirstAndTheMessageFollowsUnchangedWhateverTheChunking(int chunkSize)
    {
        var message = "Subject: hi\r\nMessage-ID: <m1@example>\r\n\r\nBody line\r\n";
        var (stored, intake) = await RunAsync(message, chunkSize);

        Assert.StartsWith("Return-Path: <alice@contoso.com>\r\nReceived: from client.example ([192.0.2.7])\r\n\tby ex1.contoso.com (Mailroom) with ESMTPS id Q0001\r\n\tfor <bob@contoso.com>; Sat, 28 Nov 2026 04:00:00 +0000\r\n", stored);
        Assert.EndsWith(message, stored);
        Assert.Equal("<m1@example>", intake.MessageId);
        Assert.Equal(Encoding.UTF8.GetByteCount(stored), intake.StoredBytes);
        Assert.Equal("Return-Path: <alice@contoso.com>\r\n".Length, intake.ReturnPathBytes);
    }

    [Fact]
    public async Task AMissingMessageIdIsAdded()
    {
        var (stored, intake) = await RunAsync("Subject: no id\r\n\r\nbody\r\n", 7);
        Assert.Equal("<Q0001@ex1.contoso.com>", intake.MessageId);
        Assert.Contains("Message-ID: <Q0001@ex1.contoso.com>\r\nSubject: no id\r\n", stored);
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(31, 31)]
    [InlineData(0, 0)]
    public async Task ReceivedFieldsAreCountedForLoopDetection(int hops, int expected)
    {
        var header = string.Concat(Enumerable.Repeat("Received: from a\r\n\tby b; date\r\n", hops));
        var (_, intake) = await RunAsync(header + "Subject: x\r\n\r\nbody\r\n", 5);
        Assert.Equal(expected, intake.Summary!.ReceivedCount);
        Assert.Equal(hops > MessageIntake.MaxHops, intake.Summary.ReceivedCount > MessageIntake.MaxHops);
    }

    [Fact]
    public async Task AnEndlessHeaderIsFlushedAtTheBoundInsteadOfBuffered()
    {
        var destination = new MemoryStream();
        var intake = new MessageIntake(destination, Stamp, maxHeaderBytes: 64);
        await intake.WriteAsync(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("X-Long: " + new string('a', 100))));
        Assert.True(destination.Length > 100);
        var summary = await intake.CompleteAsync();
        Assert.False(summary.Complete);
    }

    private static async Task<(string Stored, MessageIntake Intake)> RunAsync(string message, int chunkSize)
    {
        var destination = new MemoryStream();
        var intake = new MessageIntake(destination, Stamp);
        var bytes = Encoding.UTF8.GetBytes(message);
        for (var i = 0; i < bytes.Length; i += chunkSize)
        {
            await intake.WriteAsync(new ReadOnlySequence<byte>(bytes.AsMemory(i, Math.Min(chunkSize, bytes.Length - i))));
        }

        await intake.CompleteAsync();
        return (Encoding.UTF8.GetString(destination.ToArray()), intake);
    }
}

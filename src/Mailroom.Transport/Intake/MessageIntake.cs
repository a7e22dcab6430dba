using System.Buffers;
using System.Text;

namespace Mailroom.Transport.Intake;

/// <summary>
/// Streams a received message into storage. The header section is held back (up to a bound) so the trace fields
/// and a missing <c>Message-ID</c> can be written first and the hop count checked; the body then flows straight
/// through. Nothing ever holds a whole message in memory.
/// </summary>
public sealed class MessageIntake(Stream destination, TraceStamp stamp, int maxHeaderBytes = 256 * 1024)
{
    /// <summary>RFC 5321 §6.3 loop detection: Exchange rejects more than this many Received fields.</summary>
    public const int MaxHops = 30;

    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();
    private readonly ArrayBufferWriter<byte> headers = new();
    private HeaderSummary? summary;

    /// <summary>Bytes of the message as stored, trace fields included.</summary>
    public long StoredBytes { get; private set; }

    /// <summary>Bytes of the Return-Path line at the start of what was stored.</summary>
    public int ReturnPathBytes { get; private set; }

    public HeaderSummary? Summary => summary;

    /// <summary>The Message-ID of the stored message: its own, or the one intake added.</summary>
    public string? MessageId { get; private set; }

    public async ValueTask WriteAsync(ReadOnlySequence<byte> chunk, CancellationToken cancellationToken = default)
    {
        if (summary is not null)
        {
            await CopyAsync(chunk, cancellationToken);
            return;
        }

        foreach (var segment in chunk)
        {
            headers.Write(segment.Span);
        }

        var end = IndexOfEndOfHeaders(headers.WrittenSpan);
        if (end >= 0 || headers.WrittenCount >= maxHeaderBytes)
        {
            await FlushHeadersAsync(end >= 0 ? end : headers.WrittenCount, complete: end >= 0, cancellationToken);
        }
    }

    /// <summary>Ends the message; returns the header summary so the caller can refuse a looping message.</summary>
    public async ValueTask<HeaderSummary> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (summary is null)
        {
            await FlushHeadersAsync(headers.WrittenCount, complete: false, cancellationToken);
        }

        await destination.FlushAsync(cancellationToken);
        return summary!;
    }

    private static int IndexOfEndOfHeaders(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\r\n"u8))
        {
            return 0; // no header fields at all
        }

        var at = data.IndexOf(EndOfHeaders);
        return at < 0 ? -1 : at + 2;
    }

    private async ValueTask FlushHeadersAsync(int headerLength, bool complete, CancellationToken cancellationToken)
    {
        var held = headers.WrittenMemory;
        summary = HeaderSummary.Parse(held.Span[..headerLength], complete);
        MessageId = summary.MessageId;
        var prefix = new StringBuilder(stamp.ReturnPathLine);
        ReturnPathBytes = Encoding.ASCII.GetByteCount(stamp.ReturnPathLine);
        prefix.Append(stamp.ReceivedLine);
        if (MessageId is null)
        {
            // RFC 5322 §3.6.4: a message SHOULD have a Message-ID; a submission server adds the missing one.
            MessageId = $"<{stamp.QueueId}@{stamp.ServerFqdn}>";
            prefix.Append("Message-ID: ").Append(MessageId).Append("\r\n");
        }

        var prefixBytes = Encoding.UTF8.GetBytes(prefix.ToString());
        await destination.WriteAsync(prefixBytes, cancellationToken);
        StoredBytes += prefixBytes.Length;
        await destination.WriteAsync(held, cancellationToken);
        StoredBytes += held.Length;
    }

    private async ValueTask CopyAsync(ReadOnlySequence<byte> chunk, CancellationToken cancellationToken)
    {
        foreach (var segment in chunk)
        {
            await destination.WriteAsync(segment, cancellationToken);
            StoredBytes += segment.Length;
        }
    }
}

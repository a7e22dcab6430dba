using System.Buffers;

namespace Mailroom.Networking;

/// <summary>
/// Synchronous line framing over a <see cref="ReadOnlySequence{T}"/>: no I/O, no state. Lines end with LF; a CR
/// before it belongs to the terminator. Limits count the terminator too, as RFC 5321 §4.5.3.1.4 does.
/// </summary>
public static class LineParser
{
    /// <param name="buffer">Bytes received and not yet consumed.</param>
    /// <param name="maxLength">Maximum line length including CRLF.</param>
    public static LineParseResult Parse(in ReadOnlySequence<byte> buffer, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var lf = buffer.PositionOf((byte)'\n');
        if (lf is null)
        {
            // A valid line has its LF at index maxLength - 1 at the latest.
            return buffer.Length >= maxLength
                ? new LineParseResult(LineStatus.TooLong, default, LineDefects.None, buffer.End, Terminated: false)
                : new LineParseResult(LineStatus.NeedMore, default, LineDefects.None, buffer.Start, false);
        }

        var withoutLf = buffer.Slice(0, lf.Value);
        var consumed = buffer.GetPosition(1, lf.Value);
        if (withoutLf.Length + 1 > maxLength)
        {
            return new LineParseResult(LineStatus.TooLong, default, LineDefects.None, consumed, Terminated: true);
        }

        var defects = LineDefects.None;
        var line = withoutLf;
        if (withoutLf.Length > 0 && LastByte(withoutLf) == (byte)'\r')
        {
            line = withoutLf.Slice(0, withoutLf.Length - 1);
        }
        else
        {
            defects |= LineDefects.BareLineFeed;
        }

        defects |= Inspect(line);
        return new LineParseResult(LineStatus.Complete, line, defects, consumed, true);
    }

    /// <summary>Skips to just past the next LF; false (and the buffer end) when there is none yet.</summary>
    public static bool TrySkipLine(in ReadOnlySequence<byte> buffer, out SequencePosition consumed)
    {
        var lf = buffer.PositionOf((byte)'\n');
        consumed = lf is null ? buffer.End : buffer.GetPosition(1, lf.Value);
        return lf is not null;
    }

    private static LineDefects Inspect(in ReadOnlySequence<byte> line)
    {
        var defects = LineDefects.None;
        foreach (var segment in line)
        {
            var span = segment.Span;
            if (span.Contains((byte)0))
            {
                defects |= LineDefects.Nul;
            }

            if (span.Contains((byte)'\r'))
            {
                defects |= LineDefects.BareCarriageReturn;
            }
        }

        return defects;
    }

    private static byte LastByte(in ReadOnlySequence<byte> sequence) =>
        sequence.IsSingleSegment ? sequence.FirstSpan[^1] : sequence.Slice(sequence.Length - 1).FirstSpan[0];
}

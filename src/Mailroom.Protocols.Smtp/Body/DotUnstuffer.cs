using System.Buffers;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Streaming DATA decoder (RFC 5321 §4.5.2, §4.1.1.4): removes the leading dot of lines that start with one and finds
/// the end-of-data line ".", across any buffer boundaries. Only CRLF starts a line, so "\n.\r\n" and "\r\n.\n" are
/// content, never the end (SMTP smuggling); bare LFs and long lines are recorded for the session to judge.
/// </summary>
public sealed class DotUnstuffer(int maxLineLength = 0)
{
    private static readonly byte[] CarriageReturn = [(byte)'\r'];

    private State _state = State.LineStart;
    private long _lineLength;

    private enum State
    {
        LineStart,
        Text,
        AfterCr,
        Dot,
        DotCr,
    }

    /// <summary>A line longer than the limit (octets including CRLF, after unstuffing) was seen.</summary>
    public bool LongLineSeen { get; private set; }

    /// <summary>An LF without CR before it was seen.</summary>
    public bool BareLineFeedSeen { get; private set; }

    /// <summary>Unstuffed body octets produced so far.</summary>
    public long BodyLength { get; private set; }

    /// <summary>
    /// Decodes <paramref name="input"/> into <paramref name="output"/>. Returns true at end of data, with
    /// <paramref name="consumed"/> just past the final CRLF; otherwise all input is consumed (a dot or CR that may
    /// belong to the terminator is held back in the decoder's state, not in the buffer).
    /// </summary>
    public bool Process(in ReadOnlySequence<byte> input, IBufferWriter<byte> output, out SequencePosition consumed)
    {
        long offset = 0;
        foreach (var segment in input)
        {
            var span = segment.Span;
            var runStart = 0;
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                switch (_state)
                {
                    case State.LineStart when b == '.':
                        Emit(span[runStart..i], output);
                        runStart = i + 1;
                        _state = State.Dot;
                        continue;
                    case State.Dot when b == '\r':
                        runStart = i + 1;
                        _state = State.DotCr;
                        continue;
                    case State.DotCr when b == '\n':
                        consumed = input.GetPosition(offset + i + 1);
                        return true;
                    case State.DotCr:
                        // ".\r" then something else: the dot was stuffing, the CR is content.
                        Emit(CarriageReturn, output);
                        _lineLength++;
                        _state = State.AfterCr;
                        break;
                }

                Advance(b);
            }

            Emit(span[runStart..], output);
            offset += span.Length;
        }

        consumed = input.End;
        return false;
    }

    private void Advance(byte b)
    {
        switch (b)
        {
            case (byte)'\n' when _state == State.AfterCr:
                EndLine(_lineLength - 1 + 2);
                _state = State.LineStart;
                return;
            case (byte)'\n':
                BareLineFeedSeen = true;
                EndLine(_lineLength + 1);
                _state = State.Text;
                return;
            case (byte)'\r':
                _lineLength++;
                _state = State.AfterCr;
                return;
            default:
                _lineLength++;
                _state = State.Text;
                return;
        }
    }

    private void EndLine(long length)
    {
        if (maxLineLength > 0 && length > maxLineLength)
        {
            LongLineSeen = true;
        }

        _lineLength = 0;
    }

    private void Emit(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output)
    {
        if (!bytes.IsEmpty)
        {
            output.Write(bytes);
            BodyLength += bytes.Length;
        }
    }
}

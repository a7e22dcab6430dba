using System.Buffers;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Turns stored message bytes into a multi-line response body (RFC 1939 §3): every line ends with CRLF (a bare LF or
/// bare CR becomes CRLF), a line starting with '.' gets one more '.', and <see cref="Complete"/> adds the final
/// ".CRLF". For TOP (RFC 1939 §7) it stops after the header, the blank line and <c>n</c> body lines. Works on chunks
/// of any size, so a message streams from the blob store without ever being whole in memory.
/// </summary>
internal sealed class MessageContentEncoder(int? bodyLines = null)
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private bool _lineStart = true;
    private bool _lineEmpty = true;
    private bool _pendingCr;
    private bool _inBody;
    private int _bodyLinesLeft = bodyLines ?? 0;

    /// <summary>TOP has all the lines it asked for; the caller may stop reading.</summary>
    public bool IsDone { get; private set; }

    /// <summary>Octets written so far, terminator included once <see cref="Complete"/> ran.</summary>
    public long Written { get; private set; }

    public void Encode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty && !IsDone)
        {
            if (_pendingCr)
            {
                // CR LF is one line end; a CR followed by anything else is a bare CR, ended as a line too.
                _pendingCr = false;
                EndLine(output);
                if (input[0] == (byte)'\n')
                {
                    input = input[1..];
                }

                continue;
            }

            if (_lineStart)
            {
                _lineStart = false;
                _lineEmpty = true;
                if (input[0] == (byte)'.')
                {
                    Write(output, "."u8);
                }
            }

            var end = input.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                Write(output, input);
                _lineEmpty = false;
                return;
            }

            if (end > 0)
            {
                Write(output, input[..end]);
                _lineEmpty = false;
            }

            if (input[end] == (byte)'\n')
            {
                EndLine(output);
            }
            else
            {
                _pendingCr = true;
            }

            input = input[(end + 1)..];
        }
    }

    /// <summary>Ends an unterminated last line and writes the ".CRLF" terminator.</summary>
    public void Complete(IBufferWriter<byte> output)
    {
        if (!IsDone && (_pendingCr || !_lineStart))
        {
            EndLine(output);
        }

        Write(output, ".\r\n"u8);
    }

    private void EndLine(IBufferWriter<byte> output)
    {
        _pendingCr = false;
        if (_lineStart)
        {
            _lineEmpty = true;
        }

        Write(output, Crlf);
        _lineStart = true;
        if (bodyLines is null)
        {
            return;
        }

        if (!_inBody)
        {
            // RFC 1939 §7 TOP: the header, the blank line separating it from the body, then n lines of the body.
            if (_lineEmpty)
            {
                _inBody = true;
                IsDone = _bodyLinesLeft <= 0;
            }
        }
        else if (--_bodyLinesLeft <= 0)
        {
            IsDone = true;
        }
    }

    private void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        Written += bytes.Length;
    }
}

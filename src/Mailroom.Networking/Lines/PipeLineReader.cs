using System.Buffers;
using System.IO.Pipelines;

namespace Mailroom.Networking;

/// <summary>
/// Reads lines from a <see cref="PipeReader"/>. Each line is copied out (command lines are short) and the pipe is
/// advanced at once, so the caller may read the pipe directly between lines (message bodies, TLS handshakes).
/// An overlong line is skipped up to its terminator and reported once as <see cref="LineStatus.TooLong"/>.
/// </summary>
public sealed class PipeLineReader(PipeReader input)
{
    private byte[] _line = new byte[256];
    private bool _skipping;

    /// <summary>The pipe read from; replaced after a TLS upgrade.</summary>
    public PipeReader Input { get; set; } = input;

    /// <summary>Returns a line already buffered, never waiting for the network.</summary>
    public bool TryReadLine(int maxLength, out LineReadResult result)
    {
        result = default;
        return Input.TryRead(out var read) && Process(read, maxLength, out result);
    }

    /// <summary>Waits for the next line.</summary>
    public async ValueTask<LineReadResult> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await Input.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (Process(read, maxLength, out var result))
            {
                return result;
            }
        }
    }

    /// <summary>Whether bytes beyond the last line are already buffered (RFC 2920 synchronisation checks).</summary>
    public bool HasBufferedInput()
    {
        if (!Input.TryRead(out var read))
        {
            return false;
        }

        Input.AdvanceTo(read.Buffer.Start, read.Buffer.Start);
        return !read.Buffer.IsEmpty;
    }

    /// <summary>Drops whatever is buffered; returns how many bytes were dropped.</summary>
    public long DiscardBufferedInput()
    {
        if (!Input.TryRead(out var read))
        {
            return 0;
        }

        Input.AdvanceTo(read.Buffer.End);
        return read.Buffer.Length;
    }

    private bool Process(ReadResult read, int maxLength, out LineReadResult result)
    {
        var buffer = read.Buffer;
        if (_skipping)
        {
            var found = LineParser.TrySkipLine(buffer, out var skippedTo);
            Input.AdvanceTo(skippedTo);
            _skipping = !found;
            result = found ? LineReadResult.TooLong : read.IsCompleted ? LineReadResult.EndOfInput : default;
            return found || read.IsCompleted;
        }

        var parsed = LineParser.Parse(buffer, maxLength);
        switch (parsed.Status)
        {
            case LineStatus.Complete:
                var length = (int)parsed.Line.Length;
                if (_line.Length < length)
                {
                    _line = new byte[Math.Max(length, _line.Length * 2)];
                }

                parsed.Line.CopyTo(_line);
                Input.AdvanceTo(parsed.Consumed);
                result = new LineReadResult(LineStatus.Complete, _line.AsMemory(0, length), parsed.Defects);
                return true;
            case LineStatus.TooLong:
                Input.AdvanceTo(parsed.Consumed);
                _skipping = !parsed.Terminated;
                result = parsed.Terminated ? LineReadResult.TooLong : read.IsCompleted ? LineReadResult.EndOfInput : default;
                return parsed.Terminated || read.IsCompleted;
            default:
                Input.AdvanceTo(buffer.Start, buffer.End);
                result = read.IsCompleted ? LineReadResult.EndOfInput : default;
                return read.IsCompleted;
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Mailroom.Networking;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Imap;

public sealed partial class ImapSession
{
    internal async ValueTask FlushAsync() => await Transport.Output.FlushAsync(Aborted).ConfigureAwait(false);

    /// <summary>Next line: from what is buffered, else flushes pending responses and waits at most <paramref name="timeout"/>.</summary>
    internal ValueTask<LineReadResult> ReadLineAsync(int maxLength, TimeSpan timeout) =>
        SessionIo.ReadLineAsync(Transport.Output, Lines, Timeouts, timeout, maxLength, Aborted);

    /// <summary>Raw input (literal octets), waiting at most <see cref="ImapServerOptions.LiteralTimeout"/>. The caller advances.</summary>
    internal async ValueTask<ReadResult> ReadRawAsync(CancellationToken cancellationToken)
    {
        var input = Transport.Input;
        if (input.TryRead(out var buffered))
        {
            if (!buffered.Buffer.IsEmpty || buffered.IsCompleted)
            {
                return buffered;
            }

            input.AdvanceTo(buffered.Buffer.Start);
        }

        Timeouts.Arm(Options.LiteralTimeout, TimeoutKind.Data);
        await Transport.Output.FlushAsync(Timeouts.Token).ConfigureAwait(false);
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(Timeouts.Token, cancellationToken) : null;
        var read = await input.ReadAsync(linked?.Token ?? Timeouts.Token).ConfigureAwait(false);
        Timeouts.Disarm();
        return read;
    }

    /// <summary>Reads exactly <paramref name="size"/> octets of a tokenized literal; null when the connection ended first.</summary>
    private async ValueTask<byte[]?> ReadOctetsAsync(long size)
    {
        var octets = new byte[size];
        long filled = 0;
        while (filled < size)
        {
            var read = await ReadRawAsync(default).ConfigureAwait(false);
            var buffer = read.Buffer;
            var slice = buffer.Slice(0, Math.Min(size - filled, buffer.Length));
            slice.CopyTo(octets.AsSpan((int)filled));
            filled += slice.Length;
            Transport.Input.AdvanceTo(slice.End);
            if (slice.Length == 0 && read.IsCompleted)
            {
                return null;
            }
        }

        return octets;
    }

    /// <summary>Skips <paramref name="size"/> octets; false when the connection ended first.</summary>
    private async ValueTask<bool> DiscardOctetsAsync(long size)
    {
        while (size > 0)
        {
            var read = await ReadRawAsync(default).ConfigureAwait(false);
            var slice = read.Buffer.Slice(0, Math.Min(size, read.Buffer.Length));
            Transport.Input.AdvanceTo(slice.End);
            size -= slice.Length;
            if (slice.Length == 0 && read.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length octets of the open streamed literal; 0 at its end.</summary>
    internal async ValueTask<int> ReadLiteralAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_literalRemaining == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var read = await ReadRawAsync(cancellationToken).ConfigureAwait(false);
        var slice = read.Buffer.Slice(0, Math.Min(Math.Min(_literalRemaining, read.Buffer.Length), buffer.Length));
        slice.CopyTo(buffer.Span);
        Transport.Input.AdvanceTo(slice.End);
        _literalRemaining -= slice.Length;
        if (slice.Length == 0 && read.IsCompleted)
        {
            throw new IOException("The connection closed inside a literal.");
        }

        return (int)slice.Length;
    }

    private bool TranscriptEnabled => Options.EnableTranscript && _services.TranscriptLogger.IsEnabled(LogLevel.Information);

    internal void Transcript(string direction, string text)
    {
        if (TranscriptEnabled)
        {
            ImapLog.Transcript(_services.TranscriptLogger, Id, direction, text);
        }
    }

    /// <summary>Logs a client line with LOGIN and AUTHENTICATE arguments redacted.</summary>
    internal void Transcript(string direction, ReadOnlySpan<byte> line)
    {
        if (!TranscriptEnabled)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(line);
        var words = text.Split(' ', 4);
        if (words.Length > 2 && (words[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase) || words[1].Equals("AUTHENTICATE", StringComparison.OrdinalIgnoreCase)))
        {
            text = words[0] + " " + words[1] + " ***";
        }

        ImapLog.Transcript(_services.TranscriptLogger, Id, direction, new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray()));
    }

    /// <summary>The octets of a streamed literal (APPEND's message), read as they arrive; see <see cref="OpenLiteral"/>.</summary>
    private sealed class LiteralStream(ImapSession session) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            session.ReadLiteralAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

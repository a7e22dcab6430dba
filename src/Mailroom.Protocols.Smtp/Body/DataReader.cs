using System.Buffers;

namespace Mailroom.Protocols.Smtp;

/// <summary>Reads DATA content up to the end-of-data line, unstuffing it into a <see cref="MessageReceiver"/>.</summary>
internal static class DataReader
{
    // Unstuffed bytes are copied into a small buffer per step, so memory stays bounded whatever the pipe holds.
    private const int StepSize = 64 * 1024;

    /// <returns>The decoder (for its content findings), or null when the connection ended before the final ".".</returns>
    public static async ValueTask<DotUnstuffer?> ReadAsync(SmtpSession session, MessageReceiver receiver)
    {
        var unstuffer = new DotUnstuffer(session.Options.MaxMessageLineLength);
        var output = new ArrayBufferWriter<byte>(StepSize);
        var input = session.Transport.Input;
        while (true)
        {
            var read = await session.ReadContentAsync().ConfigureAwait(false);
            var buffer = read.Buffer;
            var step = buffer.Length > StepSize ? buffer.Slice(0, StepSize) : buffer;
            var done = unstuffer.Process(step, output, out var consumed);
            if (output.WrittenCount > 0)
            {
                await receiver.WriteAsync(new ReadOnlySequence<byte>(output.WrittenMemory)).ConfigureAwait(false);
                output.ResetWrittenCount();
            }

            input.AdvanceTo(consumed);
            if (done)
            {
                return unstuffer;
            }

            if (read.IsCompleted && step.Length == buffer.Length)
            {
                return null;
            }
        }
    }
}

using System.IO.Pipelines;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp;

public sealed partial class SmtpSession
{
    /// <summary>The line reader's limit: the longest line any verb may send. Each verb's own limit is checked by
    /// the parser (<see cref="SmtpLimits.LineLimit"/>).</summary>
    internal int ReadLimit => Math.Max(SmtpLimits.LineLimit(SmtpVerb.Mail, Options.MaxCommandLineLength), SmtpLimits.AuthLine);

    /// <summary>The token for backend calls and reads: cancelled on disconnect and when a timeout fires.</summary>
    internal CancellationToken Aborted => Timeouts.Token;

    internal void Reply(SmtpReply reply)
    {
        reply.WriteTo(Transport.Output);
        Transcript.Server(reply);
    }

    internal async ValueTask FlushAsync() => await Transport.Output.FlushAsync(Aborted).ConfigureAwait(false);

    /// <summary>Next command or SASL line: from what is buffered, else flushes pending replies and waits at most
    /// <see cref="SmtpServerOptions.IdleTimeout"/>.</summary>
    internal ValueTask<LineReadResult> ReadLineAsync(int maxLength) =>
        SessionIo.ReadLineAsync(Transport.Output, Lines, Timeouts, Options.IdleTimeout, maxLength, Aborted);

    /// <summary>Raw input for message content, waiting at most <see cref="SmtpServerOptions.DataTimeout"/>.
    /// The caller must advance <see cref="IConnectionTransport.Input"/>.</summary>
    internal async ValueTask<ReadResult> ReadContentAsync()
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

        Timeouts.Arm(Options.DataTimeout, TimeoutKind.Data);
        await Transport.Output.FlushAsync(Timeouts.Token).ConfigureAwait(false);
        var read = await input.ReadAsync(Timeouts.Token).ConfigureAwait(false);
        Timeouts.Disarm();
        return read;
    }

    /// <summary>Consumes exactly <paramref name="size"/> octets of BDAT content (RFC 3030 §2), passing them to
    /// <paramref name="receiver"/> or dropping them. False when the connection ended first.</summary>
    internal async ValueTask<bool> ReadChunkAsync(long size, MessageReceiver? receiver)
    {
        var remaining = size;
        while (remaining > 0)
        {
            var read = await ReadContentAsync().ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.IsEmpty)
            {
                Transport.Input.AdvanceTo(buffer.End);
                if (read.IsCompleted)
                {
                    return false;
                }

                continue;
            }

            var slice = buffer.Slice(0, Math.Min(remaining, buffer.Length));
            if (receiver is not null)
            {
                await receiver.WriteAsync(slice).ConfigureAwait(false);
            }

            Transport.Input.AdvanceTo(slice.End);
            remaining -= slice.Length;
        }

        return true;
    }
}

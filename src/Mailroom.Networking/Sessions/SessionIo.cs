using System.IO.Pipelines;

namespace Mailroom.Networking;

/// <summary>
/// The reading and flushing every line-based protocol session does the same way (SMTP, IMAP, POP3): answer from what
/// is buffered without a round trip (pipelining), otherwise flush what was written and wait, bounded by a timeout.
/// </summary>
public static class SessionIo
{
    /// <summary>
    /// Answers are batched while the client pipelines (RFC 2920 §3.2, RFC 2449 §6.6) and flushed before waiting for
    /// input, or once this much is pending.
    /// </summary>
    public const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// The next line: from what is buffered, else flushes pending output and waits at most <paramref name="idle"/>
    /// (the timer is armed before the flush: once the client sees our answer, its clock is already running).
    /// </summary>
    public static async ValueTask<LineReadResult> ReadLineAsync(
        PipeWriter output, PipeLineReader lines, TimeoutControl timeouts, TimeSpan idle, int maxLength, CancellationToken aborted)
    {
        if (output.CanGetUnflushedBytes && output.UnflushedBytes > FlushThreshold)
        {
            await output.FlushAsync(aborted).ConfigureAwait(false);
        }

        if (lines.TryReadLine(maxLength, out var buffered))
        {
            return buffered;
        }

        timeouts.Arm(idle, TimeoutKind.Idle);
        await output.FlushAsync(timeouts.Token).ConfigureAwait(false);
        var line = await lines.ReadLineAsync(maxLength, timeouts.Token).ConfigureAwait(false);
        timeouts.Disarm();
        return line;
    }

    /// <summary>
    /// Flushes the last answer of a session, bounded by a fresh timer so a client that stopped reading can't keep the
    /// session alive. False when the connection was already gone.
    /// </summary>
    public static async ValueTask<bool> FinalFlushAsync(PipeWriter output, TimeProvider time)
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
            await output.FlushAsync(grace.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}

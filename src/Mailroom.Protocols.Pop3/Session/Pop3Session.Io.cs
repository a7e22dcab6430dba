using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

public sealed partial class Pop3Session
{
    /// <summary>Cancelled on disconnect, on a timeout and by <see cref="End"/>.</summary>
    internal CancellationToken Aborted => Timeouts.Token;

    internal void Reply(Pop3Response response)
    {
        response.WriteTo(Transport.Output);
        Transcript.Server(response.ToString());
    }

    /// <summary>One line of a multi-line response; the caller has dot-stuffed it if it could start with '.'.</summary>
    internal void WriteLine(string line)
    {
        var output = Transport.Output;
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length) + 2);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        output.Advance(written + 2);
    }

    /// <summary>The ".CRLF" that ends a multi-line response (RFC 1939 §3).</summary>
    internal void EndMultiLine() => WriteLine(".");

    internal async ValueTask FlushAsync() => await Transport.Output.FlushAsync(Aborted).ConfigureAwait(false);

    /// <summary>Next command or SASL line: from what is buffered, else flushes and waits at most the idle timeout.</summary>
    internal ValueTask<LineReadResult> ReadLineAsync(int maxLength) =>
        SessionIo.ReadLineAsync(Transport.Output, Lines, Timeouts, Options.IdleTimeout, maxLength, Aborted);
}

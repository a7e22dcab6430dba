using System.Buffers;
using System.Text;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// A single-line status response: <c>+OK text</c> or <c>-ERR [CODE] text</c> (RFC 1939 §3, RFC 2449 §8). Multi-line
/// responses start with one of these and continue through <see cref="Pop3Session"/>'s writers.
/// </summary>
public sealed record Pop3Response(bool IsOk, string? Code, string Text)
{
    // RFC 1939 §3: a response is at most 512 octets including CRLF.
    private const int MaxLength = 512;

    public static Pop3Response Ok(string text) => new(true, null, text);

    public static Pop3Response Err(string text) => new(false, null, text);

    public static Pop3Response Err(string code, string text) => new(false, code, text);

    public void WriteTo(IBufferWriter<byte> output)
    {
        var line = ToString();
        while (Encoding.UTF8.GetByteCount(line) + 2 > MaxLength)
        {
            line = line[..Math.Min(line.Length - 1, MaxLength - 2)];
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length) + 2);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        output.Advance(written + 2);
    }

    public override string ToString() =>
        (IsOk ? "+OK" : "-ERR") + (Code is null ? string.Empty : " [" + Code + "]") + (Text.Length == 0 ? string.Empty : " " + Text);
}

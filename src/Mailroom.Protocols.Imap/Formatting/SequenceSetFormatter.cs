using System.Buffers;

namespace Mailroom.Protocols.Imap.Formatting;

/// <summary>
/// Writes numbers as a compact sequence-set (<c>1:3,5,8:9</c>), as ESEARCH ALL and COPYUID use. Runs of consecutive
/// ascending numbers become ranges and the order is kept, so COPYUID's source and target lists still pair up (RFC 4315 §3).
/// </summary>
public static class SequenceSetFormatter
{
    public static void Write(IBufferWriter<byte> writer, IReadOnlyList<uint> numbers)
    {
        var i = 0;
        var first = true;
        while (i < numbers.Count)
        {
            var start = numbers[i];
            var end = start;
            while (i + 1 < numbers.Count && numbers[i + 1] == end + 1)
            {
                end = numbers[++i];
            }

            i++;
            if (!first)
            {
                writer.WriteByte((byte)',');
            }

            first = false;
            writer.WriteNumber(start);
            if (end != start)
            {
                writer.WriteByte((byte)':');
                writer.WriteNumber(end);
            }
        }
    }

    public static string Format(IReadOnlyList<uint> numbers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, numbers);
        return System.Text.Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}

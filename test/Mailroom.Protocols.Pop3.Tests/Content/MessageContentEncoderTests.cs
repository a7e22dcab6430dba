using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Pop3.Tests;

public sealed class MessageContentEncoderTests
{
    public static TheoryData<string, int?, string> Cases => new()
    {
        { "A: b\r\n\r\nbody\r\n", null, "A: b\r\n\r\nbody\r\n.\r\n" },
        { "A: b\r\n\r\n.hidden\r\n..two\r\n.\r\n", null, "A: b\r\n\r\n..hidden\r\n...two\r\n..\r\n.\r\n" },
        { "A: b\n\nbare LF\n", null, "A: b\r\n\r\nbare LF\r\n.\r\n" },
        { "A: b\r\n\r\nno final line end", null, "A: b\r\n\r\nno final line end\r\n.\r\n" },
        { "A: b\r\n\r\nbare\rCR\r\n", null, "A: b\r\n\r\nbare\r\nCR\r\n.\r\n" },
        { "", null, ".\r\n" },
        { "A: b\r\nC: d\r\n\r\n1\r\n2\r\n3\r\n", 0, "A: b\r\nC: d\r\n\r\n.\r\n" },
        { "A: b\r\nC: d\r\n\r\n1\r\n2\r\n3\r\n", 2, "A: b\r\nC: d\r\n\r\n1\r\n2\r\n.\r\n" },
        { "A: b\r\n\r\n1\r\n", 10, "A: b\r\n\r\n1\r\n.\r\n" },
        { "A: b\r\n\r\n.1\r\n2", 1, "A: b\r\n\r\n..1\r\n.\r\n" },
        { "A: header only", 5, "A: header only\r\n.\r\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EncodesLinesStuffingAndTop(string input, int? lines, string expected)
    {
        Assert.Equal(expected, Encode(Encoding.UTF8.GetBytes(input), lines, chunk: 4096));
        Assert.Equal(expected, Encode(Encoding.UTF8.GetBytes(input), lines, chunk: 1));
    }

    /// <summary>Any bytes in any chunking: the output has only CRLF line ends, no line "." before the end, and
    /// un-stuffing it gives the input with its line ends made CRLF.</summary>
    [Property(MaxTest = 500)]
    public Property OutputIsWellFormedAndReversible() =>
        Prop.ForAll(
            Gen.Elements((byte)'a', (byte)'.', (byte)'\r', (byte)'\n', (byte)' ', (byte)0xFF).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 17).ToArbitrary(),
            (input, chunk) =>
            {
                var output = Encode(input, null, chunk);
                var lines = output.Split("\r\n");
                var wellFormed = output.EndsWith(".\r\n", StringComparison.Ordinal) && !output[..^2].Replace("\r\n", string.Empty).Contains('\r')
                    && !output[..^2].Replace("\r\n", string.Empty).Contains('\n') && Array.IndexOf(lines, ".") == lines.Length - 2;
                var unstuffed = string.Join("\r\n", lines[..^2].Select(l => l.StartsWith('.') ? l[1..] : l));
                var expected = Normalize(Encoding.Latin1.GetString(input));
                return wellFormed && unstuffed == expected;
            });

    private static string Normalize(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
        return normalized.EndsWith("\r\n", StringComparison.Ordinal) ? normalized[..^2] : normalized;
    }

    private static string Encode(byte[] input, int? lines, int chunk)
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = new MessageContentEncoder(lines);
        for (var i = 0; i < input.Length && !encoder.IsDone; i += chunk)
        {
            encoder.Encode(input.AsSpan(i, Math.Min(chunk, input.Length - i)), output);
        }

        encoder.Complete(output);
        Assert.Equal(output.WrittenCount, encoder.Written);
        return Encoding.Latin1.GetString(output.WrittenSpan);
    }
}

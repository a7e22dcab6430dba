using System.Buffers;
using System.Text;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class DotUnstufferTests
{
    private static (bool Done, string Output, long Consumed, DotUnstuffer Decoder) Run(int maxLine, params string[] chunks)
    {
        var decoder = new DotUnstuffer(maxLine);
        var output = new ArrayBufferWriter<byte>();
        long consumed = 0;
        foreach (var chunk in chunks)
        {
            var input = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(chunk));
            var done = decoder.Process(input, output, out var position);
            consumed += input.Slice(0, position).Length;
            if (done)
            {
                return (true, Encoding.ASCII.GetString(output.WrittenSpan), consumed, decoder);
            }
        }

        return (false, Encoding.ASCII.GetString(output.WrittenSpan), consumed, decoder);
    }

    [Theory]
    [InlineData(".\r\n", "")]
    [InlineData("Hello\r\n.\r\n", "Hello\r\n")]
    [InlineData("..\r\n.\r\n", ".\r\n")]
    [InlineData("...\r\n.\r\n", "..\r\n")]
    [InlineData("a\r\n..b\r\n.\r\n", "a\r\n.b\r\n")]
    [InlineData("a\r\n.b\r\n.\r\n", "a\r\nb\r\n")]
    [InlineData("a.\r\n.\r\n", "a.\r\n")]
    [InlineData("\r\n\r\n.\r\n", "\r\n\r\n")]
    [InlineData(".\rX\r\n.\r\n", "\rX\r\n")]
    [InlineData(".\r\r\n.\r\n", "\r\r\n")]
    public void Unstuffs_and_finds_the_end(string wire, string body)
    {
        var result = Run(0, wire);
        Assert.True(result.Done);
        Assert.Equal(body, result.Output);
        Assert.Equal(wire.Length, result.Consumed);
    }

    [Fact]
    public void Stops_right_after_the_terminator_leaving_the_next_command()
    {
        var result = Run(0, "body\r\n.\r\nQUIT\r\n");
        Assert.True(result.Done);
        Assert.Equal("body\r\n.\r\n".Length, result.Consumed);
    }

    // SMTP smuggling: only CRLF "." CRLF ends the data.
    [Theory]
    [InlineData("a\n.\nb\r\n")]
    [InlineData("a\n.\r\nb\r\n")]
    [InlineData("a\r\n.\nb\r\n")]
    [InlineData("a\r.\r\nb\r\n")]
    public void Lone_lf_or_cr_around_a_dot_is_content_not_the_end(string content)
    {
        var result = Run(0, content + ".\r\n");
        Assert.True(result.Done);
        Assert.Equal(content.Length + 3, result.Consumed);
        Assert.Equal(content.Replace("\r\n.\n", "\r\n\n", StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public void Bare_lf_is_reported()
    {
        Assert.True(Run(0, "a\nb\r\n.\r\n").Decoder.BareLineFeedSeen);
        Assert.False(Run(0, "a\r\nb\r\n.\r\n").Decoder.BareLineFeedSeen);
    }

    [Theory]
    [InlineData(998, false)]
    [InlineData(999, true)]
    public void Lines_over_the_limit_are_reported(int textLength, bool tooLong)
    {
        var result = Run(1000, "x\r\n" + new string('a', textLength) + "\r\ny\r\n.\r\n");
        Assert.True(result.Done);
        Assert.Equal(tooLong, result.Decoder.LongLineSeen);
    }

    [Fact]
    public void Stuffed_dot_is_not_counted_in_the_line_length() =>
        Assert.False(Run(1000, "." + new string('.', 998) + "\r\n.\r\n").Decoder.LongLineSeen);

    [Fact]
    public void Terminator_split_across_every_boundary_is_found()
    {
        const string wire = "line one\r\n..dotted\r\n.\r\nNEXT";
        for (var cut = 1; cut < wire.Length; cut++)
        {
            for (var second = cut + 1; second <= wire.Length; second++)
            {
                var result = Run(0, wire[..cut], wire[cut..second], wire[second..]);
                Assert.True(result.Done, $"cuts {cut}/{second}");
                Assert.Equal("line one\r\n.dotted\r\n", result.Output);
                Assert.Equal(wire.Length - 4, result.Consumed);
            }
        }
    }

    [Fact]
    public void Incomplete_data_is_not_done()
    {
        var result = Run(0, "a\r\n.", "\r");
        Assert.False(result.Done);
        Assert.Equal("a\r\n", result.Output);
        Assert.Equal(5, result.Consumed);
    }
}

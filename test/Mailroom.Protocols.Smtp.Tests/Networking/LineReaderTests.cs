using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class LineReaderTests
{
    private static LineParseResult Parse(string text, int max = 20) =>
        LineParser.Parse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), max);

    [Theory]
    [InlineData("NOOP\r\n", LineStatus.Complete, "NOOP", LineDefects.None, 6)]
    [InlineData("NOOP\r\nQUIT\r\n", LineStatus.Complete, "NOOP", LineDefects.None, 6)]
    [InlineData("NOOP\n", LineStatus.Complete, "NOOP", LineDefects.BareLineFeed, 5)]
    [InlineData("\n", LineStatus.Complete, "", LineDefects.BareLineFeed, 1)]
    [InlineData("NO\0OP\r\n", LineStatus.Complete, "NO\0OP", LineDefects.Nul, 7)]
    [InlineData("NO\rOP\r\n", LineStatus.Complete, "NO\rOP", LineDefects.BareCarriageReturn, 7)]
    [InlineData("NOOP", LineStatus.NeedMore, "", LineDefects.None, 0)]
    [InlineData("NOOP\r", LineStatus.NeedMore, "", LineDefects.None, 0)]
    [InlineData("123456789012345678\r\n", LineStatus.Complete, "123456789012345678", LineDefects.None, 20)]
    [InlineData("1234567890123456789\r\n", LineStatus.TooLong, "", LineDefects.None, 21)]
    [InlineData("12345678901234567890", LineStatus.TooLong, "", LineDefects.None, 20)]
    public void Frames_lines(string input, LineStatus status, string line, LineDefects defects, int consumed)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(input));
        var result = LineParser.Parse(buffer, 20);
        Assert.Equal(status, result.Status);
        Assert.Equal(line, Encoding.ASCII.GetString(result.Line.ToArray()));
        Assert.Equal(defects, result.Defects);
        Assert.Equal(consumed, buffer.Slice(0, result.Consumed).Length);
    }

    [Fact]
    public void Too_long_reports_whether_the_line_ended()
    {
        Assert.False(Parse(new string('x', 30)).Terminated);
        Assert.True(Parse(new string('x', 30) + "\r\n").Terminated);
    }

    [Fact]
    public async Task Reads_lines_split_across_writes()
    {
        var pipe = new Pipe();
        var reader = new PipeLineReader(pipe.Reader);
        await pipe.Writer.WriteAsync("EH"u8.ToArray());
        Assert.False(reader.TryReadLine(100, out _));
        await pipe.Writer.WriteAsync("LO x\r\nNOOP\r\n"u8.ToArray());
        Assert.Equal("EHLO x", Text(await reader.ReadLineAsync(100, default)));
        Assert.True(reader.TryReadLine(100, out var second));
        Assert.Equal("NOOP", Text(second));
        Assert.False(reader.TryReadLine(100, out _));
    }

    [Fact]
    public async Task Overlong_line_is_skipped_once_then_reading_resumes()
    {
        var pipe = new Pipe();
        var reader = new PipeLineReader(pipe.Reader);
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 50)));
        var pending = reader.ReadLineAsync(20, default);
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(new string('y', 50) + "\r\nNOOP\r\n"));
        Assert.Equal(LineStatus.TooLong, (await pending).Status);
        Assert.Equal("NOOP", Text(await reader.ReadLineAsync(20, default)));
    }

    [Fact]
    public async Task End_of_input_drops_a_partial_line()
    {
        var pipe = new Pipe();
        var reader = new PipeLineReader(pipe.Reader);
        await pipe.Writer.WriteAsync("QUI"u8.ToArray());
        await pipe.Writer.CompleteAsync();
        Assert.Equal(LineStatus.EndOfInput, (await reader.ReadLineAsync(20, default)).Status);
    }

    [Fact]
    public async Task Buffered_input_can_be_detected_and_discarded()
    {
        var pipe = new Pipe();
        var reader = new PipeLineReader(pipe.Reader);
        await pipe.Writer.WriteAsync("STARTTLS\r\nMAIL FROM:<evil@example>\r\n"u8.ToArray());
        Assert.Equal("STARTTLS", Text(await reader.ReadLineAsync(100, default)));
        Assert.True(reader.HasBufferedInput());
        Assert.True(reader.HasBufferedInput());
        Assert.Equal(26, reader.DiscardBufferedInput());
        Assert.False(reader.HasBufferedInput());
        Assert.False(reader.TryReadLine(100, out _));
    }

    private static string Text(LineReadResult result)
    {
        Assert.Equal(LineStatus.Complete, result.Status);
        return Encoding.ASCII.GetString(result.Line.Span);
    }
}

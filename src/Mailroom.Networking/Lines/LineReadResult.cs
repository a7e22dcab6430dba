namespace Mailroom.Networking;

/// <summary>A line read by <see cref="PipeLineReader"/>.</summary>
/// <param name="Status">Complete, TooLong (the whole overlong line was skipped) or EndOfInput.</param>
/// <param name="Line">The line without its terminator; valid until the next read on the same reader.</param>
/// <param name="Defects">Bare LF, bare CR or NUL found in the line.</param>
public readonly record struct LineReadResult(LineStatus Status, ReadOnlyMemory<byte> Line, LineDefects Defects)
{
    public static LineReadResult TooLong => new(LineStatus.TooLong, default, LineDefects.None);

    public static LineReadResult EndOfInput => new(LineStatus.EndOfInput, default, LineDefects.None);
}

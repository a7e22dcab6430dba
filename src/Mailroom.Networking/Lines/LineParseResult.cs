using System.Buffers;

namespace Mailroom.Networking;

/// <summary>The outcome of one <see cref="LineParser.Parse"/> call.</summary>
/// <param name="Status">Complete, NeedMore or TooLong (never EndOfInput: the parser does no I/O).</param>
/// <param name="Line">The line without its terminator (Complete only).</param>
/// <param name="Defects">Bare LF, bare CR or NUL found in the line (Complete only).</param>
/// <param name="Consumed">Where the next line starts (Complete, or TooLong with <paramref name="Terminated"/>);
/// the buffer end for an unterminated TooLong line; the buffer start for NeedMore.</param>
/// <param name="Terminated">For TooLong: whether the line's terminator was found in this buffer.</param>
public readonly record struct LineParseResult(
    LineStatus Status,
    ReadOnlySequence<byte> Line,
    LineDefects Defects,
    SequencePosition Consumed,
    bool Terminated);

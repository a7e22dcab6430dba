namespace Mailroom.Networking;

/// <summary>What <see cref="LineParser"/> found at the start of a buffer.</summary>
public enum LineStatus
{
    /// <summary>No line terminator yet and the line is still within its limit: read more.</summary>
    NeedMore,

    /// <summary>A whole line, terminated by CRLF (or a bare LF, reported in <see cref="LineDefects"/>).</summary>
    Complete,

    /// <summary>The line exceeds the maximum length; its bytes are discarded up to its terminator.</summary>
    TooLong,

    /// <summary>The peer closed its side; any partial line was dropped.</summary>
    EndOfInput,
}

/// <summary>Anomalies in a line that the protocol layer decides how to answer.</summary>
[Flags]
public enum LineDefects
{
    None = 0,

    /// <summary>The line ended with LF not preceded by CR (RFC 5321 §2.3.8 forbids it).</summary>
    BareLineFeed = 1,

    /// <summary>The line contains a NUL octet.</summary>
    Nul = 2,

    /// <summary>The line contains a CR not followed by LF (RFC 5321 §2.3.8).</summary>
    BareCarriageReturn = 4,
}

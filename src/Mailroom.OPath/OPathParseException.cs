namespace Mailroom.OPath;

/// <summary>Thrown when filter text is not valid OPath for the given schema.</summary>
public sealed class OPathParseException : FormatException
{
    public OPathParseException(string message, int position, string expected)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentNullException.ThrowIfNull(expected);
        Position = position;
        Expected = expected;
    }

    /// <summary>1-based character position in the filter text where the error is.</summary>
    public int Position { get; }

    /// <summary>What the parser expected at <see cref="Position"/>.</summary>
    public string Expected { get; }
}

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// One parsed command line. Only the members its verb uses are set: <see cref="Argument"/> for USER, PASS and AUTH's
/// mechanism; <see cref="InitialResponse"/> for AUTH (RFC 5034 §4); <see cref="MessageNumber"/> for LIST, UIDL, RETR,
/// DELE and TOP; <see cref="LineCount"/> for TOP.
/// </summary>
public sealed record Pop3Command(Pop3Verb Verb)
{
    public string? Argument { get; init; }

    public string? InitialResponse { get; init; }

    public int? MessageNumber { get; init; }

    public int? LineCount { get; init; }

    /// <summary>Never prints PASS's password or AUTH's initial response.</summary>
    public override string ToString() => Verb switch
    {
        Pop3Verb.Pass => "PASS ***",
        Pop3Verb.Auth => InitialResponse is null ? $"AUTH {Argument}".TrimEnd() : $"AUTH {Argument} ***",
        _ => string.Join(' ', new object?[] { Verb.ToString().ToUpperInvariant(), Argument, MessageNumber, LineCount }.Where(p => p is not null)),
    };
}

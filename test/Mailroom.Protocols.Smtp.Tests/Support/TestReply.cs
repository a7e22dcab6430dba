namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>A reply as the client saw it.</summary>
internal sealed record TestReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>The last line, e.g. "250 2.1.0 Sender OK".</summary>
    public string Last => Lines[^1];

    /// <summary>"250 2.1.0" from the last line (code and enhanced status code).</summary>
    public string Status => string.Join(' ', Last.Split(' ').Take(2));

    public override string ToString() => string.Join("\n", Lines);
}

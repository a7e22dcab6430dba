namespace Mailroom.Protocols.Pop3;

/// <summary>A parsed command, or the -ERR response its line deserves (with the verb, when it was recognised).</summary>
public readonly record struct Pop3ParseResult(Pop3Verb Verb, Pop3Command? Command, Pop3Response? Error)
{
    public static Pop3ParseResult Success(Pop3Command command) => new(command.Verb, command, null);

    public static Pop3ParseResult Fail(Pop3Verb verb, Pop3Response error) => new(verb, null, error);
}

namespace Mailroom.Protocols.Pop3;

internal enum CommandResult
{
    /// <summary>The handler answered +OK; the state table's next state applies unless the handler chose one.</summary>
    Accepted,

    /// <summary>The handler answered -ERR for a reason that is not the client's fault (the state stays).</summary>
    Refused,

    /// <summary>A protocol error: the session answers <see cref="CommandOutcome.Response"/> and counts it.</summary>
    Bad,

    /// <summary>The session ends (QUIT, or the connection is unusable).</summary>
    Close,
}

internal readonly record struct CommandOutcome(CommandResult Result, Pop3Response? Response = null, Pop3State? NextState = null)
{
    public static CommandOutcome Accepted => new(CommandResult.Accepted);

    public static CommandOutcome Refused => new(CommandResult.Refused);

    public static CommandOutcome Close => new(CommandResult.Close);

    public static CommandOutcome Bad(Pop3Response response) => new(CommandResult.Bad, response);

    public static CommandOutcome AcceptedInto(Pop3State state) => new(CommandResult.Accepted, NextState: state);

    public static CommandOutcome RefusedInto(Pop3State state) => new(CommandResult.Refused, NextState: state);
}

namespace Mailroom.Protocols.Smtp;

internal enum CommandResult
{
    /// <summary>Done; the state table's next state applies (unless the handler names one).</summary>
    Accepted,

    /// <summary>Refused for a reason of policy or business (reply already sent); the state stays.</summary>
    Refused,

    /// <summary>A protocol error: the session sends <see cref="CommandOutcome.Reply"/> and counts it.</summary>
    Bad,

    /// <summary>End the session (reply already sent).</summary>
    Close,
}

/// <summary>What a handler reports back to the command loop.</summary>
internal readonly record struct CommandOutcome(CommandResult Result, SmtpState? NextState = null, SmtpReply? Reply = null)
{
    public static CommandOutcome Accepted => new(CommandResult.Accepted);

    public static CommandOutcome Refused => new(CommandResult.Refused);

    public static CommandOutcome Close => new(CommandResult.Close);

    public static CommandOutcome AcceptedTo(SmtpState next) => new(CommandResult.Accepted, next);

    public static CommandOutcome RefusedTo(SmtpState next) => new(CommandResult.Refused, next);

    public static CommandOutcome Bad(SmtpReply reply) => new(CommandResult.Bad, Reply: reply);
}

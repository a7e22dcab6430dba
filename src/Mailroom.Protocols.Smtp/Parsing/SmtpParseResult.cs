namespace Mailroom.Protocols.Smtp;

/// <summary>A parsed command, or the reply that rejects the line.</summary>
public readonly record struct SmtpParseResult
{
    private SmtpParseResult(SmtpVerb verb, SmtpCommand? command, SmtpReply? error, bool closeConnection)
    {
        Verb = verb;
        Command = command;
        Error = error;
        CloseConnection = closeConnection;
    }

    /// <summary>The verb recognised, even when its arguments were rejected; Unknown otherwise.</summary>
    public SmtpVerb Verb { get; }

    public SmtpCommand? Command { get; }

    public SmtpReply? Error { get; }

    /// <summary>The session cannot stay in sync after this error (a BDAT whose size could not be read).</summary>
    public bool CloseConnection { get; }

    public bool IsSuccess => Command is not null;

    public static SmtpParseResult Success(SmtpCommand command) => new(command.Verb, command, null, false);

    public static SmtpParseResult Fail(SmtpVerb verb, SmtpReply error, bool closeConnection = false) =>
        new(verb, null, error, closeConnection);
}

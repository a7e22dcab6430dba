namespace Mailroom.Protocols.Smtp;

/// <summary>The backend's verdict on AUTH credentials.</summary>
public sealed class SmtpAuthResult
{
    private SmtpAuthResult(object? user, string? userName, SmtpReply? reply)
    {
        User = user;
        UserName = userName;
        Reply = reply;
    }

    public bool Succeeded => User is not null;

    /// <summary>The backend's own object for the user (a directory recipient), kept on the session.</summary>
    public object? User { get; }

    /// <summary>The name logged and shown in Received headers.</summary>
    public string? UserName { get; }

    /// <summary>For failures: the reply to send (null: <c>535 5.7.8 Authentication unsuccessful</c>).</summary>
    public SmtpReply? Reply { get; }

    public static SmtpAuthResult Success(object user, string userName) =>
        new(user ?? throw new ArgumentNullException(nameof(user)), userName ?? throw new ArgumentNullException(nameof(userName)), null);

    /// <summary>Wrong credentials (default 535 5.7.8), or e.g. <c>454 4.7.0</c> when the directory is unavailable
    /// or the account/IP is throttled.</summary>
    public static SmtpAuthResult Failure(SmtpReply? reply = null) => new(null, null, reply);
}

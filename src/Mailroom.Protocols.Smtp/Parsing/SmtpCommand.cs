namespace Mailroom.Protocols.Smtp;

/// <summary>A syntactically valid command. Sequence and policy are checked later, by the session.</summary>
public abstract record SmtpCommand(SmtpVerb Verb);

/// <summary>EHLO or HELO with the client's name (a domain or address literal, not verified: RFC 5321 §4.1.4).</summary>
public sealed record HelloCommand(bool Extended, string ClientName) : SmtpCommand(Extended ? SmtpVerb.Ehlo : SmtpVerb.Helo);

public sealed record MailCommand(SmtpMailFrom MailFrom) : SmtpCommand(SmtpVerb.Mail);

public sealed record RcptCommand(SmtpRcptTo RcptTo) : SmtpCommand(SmtpVerb.Rcpt);

/// <summary>BDAT (RFC 3030 §2): exactly <see cref="Size"/> octets follow the command line.</summary>
public sealed record BdatCommand(long Size, bool Last) : SmtpCommand(SmtpVerb.Bdat);

/// <summary>AUTH (RFC 4954 §4); <see cref="InitialResponse"/> as sent ("=" for empty), null when absent.</summary>
public sealed record AuthCommand(string Mechanism, string? InitialResponse) : SmtpCommand(SmtpVerb.Auth);

public sealed record VrfyCommand(string Argument) : SmtpCommand(SmtpVerb.Vrfy);

public sealed record ExpnCommand(string Argument) : SmtpCommand(SmtpVerb.Expn);

public sealed record HelpCommand(string? Topic) : SmtpCommand(SmtpVerb.Help);

public sealed record NoopCommand(string? Argument) : SmtpCommand(SmtpVerb.Noop);

/// <summary>DATA, RSET, QUIT and STARTTLS take no arguments.</summary>
public sealed record SimpleCommand : SmtpCommand
{
    public static readonly SimpleCommand Data = new(SmtpVerb.Data);
    public static readonly SimpleCommand Rset = new(SmtpVerb.Rset);
    public static readonly SimpleCommand Quit = new(SmtpVerb.Quit);
    public static readonly SimpleCommand StartTls = new(SmtpVerb.StartTls);

    private SimpleCommand(SmtpVerb verb)
        : base(verb)
    {
    }
}

namespace Mailroom.Protocols.Smtp;

/// <summary>Runs one command whose syntax, sequence and TLS requirement the session has already checked.</summary>
internal interface ISmtpCommandHandler
{
    ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SmtpCommand command);
}

internal abstract class SmtpCommandHandler<TCommand> : ISmtpCommandHandler
    where TCommand : SmtpCommand
{
    public ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SmtpCommand command) => HandleAsync(session, (TCommand)command);

    protected abstract ValueTask<CommandOutcome> HandleAsync(SmtpSession session, TCommand command);
}

/// <summary>The verb → handler lookup, built once.</summary>
internal static class SmtpCommandHandlers
{
    private static readonly ISmtpCommandHandler[] Handlers = Build();

    public static ISmtpCommandHandler For(SmtpVerb verb) => Handlers[(int)verb];

    private static ISmtpCommandHandler[] Build()
    {
        var handlers = new ISmtpCommandHandler[Enum.GetValues<SmtpVerb>().Length];
        handlers[(int)SmtpVerb.Ehlo] = handlers[(int)SmtpVerb.Helo] = new HelloHandler();
        handlers[(int)SmtpVerb.Mail] = new MailHandler();
        handlers[(int)SmtpVerb.Rcpt] = new RcptHandler();
        handlers[(int)SmtpVerb.Data] = new DataHandler();
        handlers[(int)SmtpVerb.Bdat] = new BdatHandler();
        handlers[(int)SmtpVerb.Rset] = new RsetHandler();
        handlers[(int)SmtpVerb.Noop] = new NoopHandler();
        handlers[(int)SmtpVerb.Quit] = new QuitHandler();
        handlers[(int)SmtpVerb.Vrfy] = new VrfyHandler();
        handlers[(int)SmtpVerb.Expn] = new ExpnHandler();
        handlers[(int)SmtpVerb.Help] = new HelpHandler();
        handlers[(int)SmtpVerb.StartTls] = new StartTlsHandler();
        handlers[(int)SmtpVerb.Auth] = new AuthHandler();
        handlers[(int)SmtpVerb.Unknown] = new UnknownHandler();
        return handlers;
    }

    private sealed class UnknownHandler : ISmtpCommandHandler
    {
        public ValueTask<CommandOutcome> HandleAsync(SmtpSession session, SmtpCommand command) =>
            ValueTask.FromResult(CommandOutcome.Bad(SmtpReplies.UnrecognizedCommand));
    }
}

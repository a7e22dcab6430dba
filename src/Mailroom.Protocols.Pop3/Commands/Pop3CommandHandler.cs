namespace Mailroom.Protocols.Pop3;

/// <summary>Runs one command whose syntax and state the session has already checked.</summary>
internal abstract class Pop3CommandHandler
{
    public abstract ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command);
}

/// <summary>The verb → handler lookup, built once.</summary>
internal static class Pop3CommandHandlers
{
    private static readonly Pop3CommandHandler?[] Handlers = Build();

    public static Pop3CommandHandler For(Pop3Verb verb) => Handlers[(int)verb] ?? throw new InvalidOperationException($"No handler for {verb}.");

    private static Pop3CommandHandler?[] Build()
    {
        var handlers = new Pop3CommandHandler?[Enum.GetValues<Pop3Verb>().Length];
        handlers[(int)Pop3Verb.User] = new UserHandler();
        handlers[(int)Pop3Verb.Pass] = new PassHandler();
        handlers[(int)Pop3Verb.Auth] = new AuthHandler();
        handlers[(int)Pop3Verb.Capa] = new CapaHandler();
        handlers[(int)Pop3Verb.Stls] = new StlsHandler();
        handlers[(int)Pop3Verb.Quit] = new QuitHandler();
        handlers[(int)Pop3Verb.Stat] = new StatHandler();
        handlers[(int)Pop3Verb.List] = new ListHandler();
        handlers[(int)Pop3Verb.Uidl] = new UidlHandler();
        handlers[(int)Pop3Verb.Retr] = new RetrHandler();
        handlers[(int)Pop3Verb.Top] = new TopHandler();
        handlers[(int)Pop3Verb.Dele] = new DeleHandler();
        handlers[(int)Pop3Verb.Rset] = new RsetHandler();
        handlers[(int)Pop3Verb.Noop] = new NoopHandler();
        return handlers;
    }
}

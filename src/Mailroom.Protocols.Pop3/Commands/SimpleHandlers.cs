using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>DELE (RFC 1939 §5): marks the message; nothing changes in the store before QUIT.</summary>
internal sealed class DeleHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        var maildrop = session.Maildrop!;
        if (!maildrop.TryGet(command.MessageNumber, out var index, out var error))
        {
            session.Reply(error!);
            return ValueTask.FromResult(CommandOutcome.Refused);
        }

        maildrop.MarkDeleted(index);
        session.Reply(Pop3Responses.Deleted);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}

/// <summary>RSET (RFC 1939 §5): unmarks every message marked deleted.</summary>
internal sealed class RsetHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        var maildrop = session.Maildrop!;
        maildrop.Reset();
        session.Reply(Pop3Response.Ok(string.Create(CultureInfo.InvariantCulture, $"Maildrop has {maildrop.VisibleCount} messages ({maildrop.VisibleSize} octets)")));
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}

/// <summary>NOOP (RFC 1939 §5).</summary>
internal sealed class NoopHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        session.Reply(Pop3Responses.Noop);
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}

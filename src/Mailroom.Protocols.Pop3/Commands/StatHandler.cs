using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>STAT (RFC 1939 §5): "+OK count octets" of the messages not marked deleted.</summary>
internal sealed class StatHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        var maildrop = session.Maildrop!;
        session.Reply(Pop3Response.Ok(string.Create(CultureInfo.InvariantCulture, $"{maildrop.VisibleCount} {maildrop.VisibleSize}")));
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }
}

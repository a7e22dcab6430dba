using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>LIST [msg] (RFC 1939 §5): scan listings "number size", deleted messages left out.</summary>
internal sealed class ListHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command) =>
        ValueTask.FromResult(Listing.Write(session, command, "messages", (m, i) => m.SizeAt(i).ToString(CultureInfo.InvariantCulture)));
}

/// <summary>UIDL [msg] (RFC 1939 §7): unique-id listings "number id" (<see cref="Pop3UniqueId"/>).</summary>
internal sealed class UidlHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command) =>
        ValueTask.FromResult(Listing.Write(session, command, "unique-id listing follows", (m, i) => m.UniqueIdAt(i)));
}

/// <summary>The shared shape of LIST and UIDL: one line for a message number, or a multi-line listing of all.</summary>
internal static class Listing
{
    public static CommandOutcome Write(Pop3Session session, Pop3Command command, string heading, Func<Pop3Maildrop, int, string> value)
    {
        var maildrop = session.Maildrop!;
        if (command.MessageNumber is { } number)
        {
            if (!maildrop.TryGet(number, out var index, out var error))
            {
                session.Reply(error!);
                return CommandOutcome.Refused;
            }

            session.Reply(Pop3Response.Ok(string.Create(CultureInfo.InvariantCulture, $"{number} {value(maildrop, index)}")));
            return CommandOutcome.Accepted;
        }

        session.Reply(Pop3Response.Ok(heading == "messages"
            ? string.Create(CultureInfo.InvariantCulture, $"{maildrop.VisibleCount} messages ({maildrop.VisibleSize} octets)")
            : heading));
        for (var i = 0; i < maildrop.Count; i++)
        {
            if (!maildrop.IsDeleted(i))
            {
                session.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1} {value(maildrop, i)}"));
            }
        }

        session.EndMultiLine();
        return CommandOutcome.Accepted;
    }
}

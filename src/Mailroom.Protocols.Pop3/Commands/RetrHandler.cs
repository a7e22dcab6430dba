using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>RETR (RFC 1939 §5): the whole message, byte-stuffed, after "+OK size octets".</summary>
internal sealed class RetrHandler : Pop3CommandHandler
{
    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        var maildrop = session.Maildrop!;
        if (!maildrop.TryGet(command.MessageNumber, out var index, out var error))
        {
            session.Reply(error!);
            return CommandOutcome.Refused;
        }

        var ok = Pop3Response.Ok(string.Create(CultureInfo.InvariantCulture, $"{maildrop.SizeAt(index)} octets"));
        var outcome = await MessageStreamer.SendAsync(session, index, bodyLines: null, ok).ConfigureAwait(false);
        if (outcome.Result == CommandResult.Accepted)
        {
            session.Retrieved.Add(index);
        }

        return outcome;
    }
}

/// <summary>TOP msg n (RFC 1939 §7): the header, the blank line and the first n lines of the body.</summary>
internal sealed class TopHandler : Pop3CommandHandler
{
    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        if (!session.Maildrop!.TryGet(command.MessageNumber, out var index, out var error))
        {
            session.Reply(error!);
            return CommandOutcome.Refused;
        }

        return await MessageStreamer.SendAsync(session, index, command.LineCount, Pop3Response.Ok("Top of message follows")).ConfigureAwait(false);
    }
}

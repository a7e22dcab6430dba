using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// AUTH (RFC 5034) with the SASL mechanisms of <see cref="SaslMechanisms"/>, initial response allowed ("=" is an empty
/// one); challenges go out as "+ base64", "*" cancels. AUTH without a mechanism lists them (the RFC 1734 form Outlook
/// still sends).
/// </summary>
internal sealed class AuthHandler : Pop3CommandHandler
{
    public override async ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        if (!LoginFlow.CredentialsAllowed(session))
        {
            session.Reply(Pop3Responses.TlsRequired);
            return CommandOutcome.RefusedInto(Pop3State.Authorization);
        }

        if (command.Argument is null)
        {
            session.Reply(Pop3Response.Ok("Supported mechanisms follow"));
            foreach (var mechanism in SaslMechanisms.All)
            {
                session.WriteLine(mechanism);
            }

            session.EndMultiLine();
            return CommandOutcome.RefusedInto(Pop3State.Authorization);
        }

        if (SaslMechanisms.Create(command.Argument) is not { } exchange)
        {
            return new CommandOutcome(CommandResult.Bad, Pop3Responses.UnsupportedMechanism, Pop3State.Authorization);
        }

        var step = exchange.Start(Encoding.UTF8.GetBytes(command.InitialResponse ?? string.Empty), command.InitialResponse is not null);
        while (step.Status == SaslStatus.Challenge)
        {
            session.WriteLine("+ " + step.Challenge);
            session.Transcript.Server("+ <challenge>");
            var line = await session.ReadLineAsync(session.Options.MaxSaslLineLength).ConfigureAwait(false);
            if (line.Status == LineStatus.EndOfInput)
            {
                return CommandOutcome.Close;
            }

            session.Transcript.Client("***");
            if (line.Status == LineStatus.TooLong)
            {
                return new CommandOutcome(CommandResult.Bad, Pop3Responses.LineTooLong, Pop3State.Authorization);
            }

            step = exchange.Respond(line.Line.Span);
        }

        switch (step.Status)
        {
            case SaslStatus.Cancelled:
                session.Reply(Pop3Responses.AuthenticationCancelled);
                return CommandOutcome.RefusedInto(Pop3State.Authorization);
            case SaslStatus.InvalidBase64:
                return new CommandOutcome(CommandResult.Bad, Pop3Responses.InvalidBase64, Pop3State.Authorization);
            case SaslStatus.Malformed:
                return LoginFlow.Failed(session, "(malformed)", exchange.Mechanism, Pop3Responses.AuthenticationFailed);
        }

        return await LoginFlow.CompleteAsync(session, step.Credentials!, exchange.Mechanism).ConfigureAwait(false);
    }
}

using Mailroom.Networking;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// CAPA (RFC 2449 §5): what this server offers now. Before TLS with SecureLogin, USER and SASL are left out and STLS
/// is offered (RFC 2595 §4); after login only what still applies is listed.
/// </summary>
internal sealed class CapaHandler : Pop3CommandHandler
{
    public override ValueTask<CommandOutcome> HandleAsync(Pop3Session session, Pop3Command command)
    {
        session.Reply(Pop3Responses.Capabilities);
        foreach (var capability in Capabilities(session))
        {
            session.WriteLine(capability);
        }

        session.EndMultiLine();
        return ValueTask.FromResult(CommandOutcome.Accepted);
    }

    internal static IEnumerable<string> Capabilities(Pop3Session session)
    {
        yield return "TOP";
        yield return "UIDL";
        yield return "RESP-CODES";
        yield return "AUTH-RESP-CODE";
        yield return "PIPELINING";

        // RFC 2449 §6.7: messages stay until the client deletes them.
        yield return "EXPIRE NEVER";
        if (session.State is Pop3State.Authorization or Pop3State.UserGiven)
        {
            if (LoginFlow.CredentialsAllowed(session))
            {
                yield return "USER";
                yield return "SASL " + string.Join(' ', SaslMechanisms.All);
            }

            if (!session.IsTls && session.Options.Certificates is not null)
            {
                yield return "STLS";
            }
        }

        yield return "IMPLEMENTATION Mailroom";
    }
}

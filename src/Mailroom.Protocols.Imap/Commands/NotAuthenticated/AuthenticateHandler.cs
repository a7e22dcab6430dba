using System.Text;
using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// AUTHENTICATE mechanism [initial-response] (RFC 9051 §6.2.2, RFC 4959 SASL-IR) with PLAIN and LOGIN: challenges
/// as <c>+ base64</c>, a <c>*</c> response cancels (BAD), responses never reach the transcript.
/// </summary>
internal sealed class AuthenticateHandler : IImapCommandHandler
{
    // A SASL response line: PLAIN's three 255-octet fields in base64 fit comfortably.
    private const int MaxResponseLine = 4096;

    public string Name => "AUTHENTICATE";

    public IEnumerable<string> Capabilities(ImapSession session)
    {
        if (session.State != ImapState.NotAuthenticated)
        {
            yield break;
        }

        if (session.CanLogin)
        {
            foreach (var mechanism in SaslMechanisms.All)
            {
                yield return "AUTH=" + mechanism;
            }
        }

        yield return "SASL-IR";
    }

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryAtom(out var mechanism))
        {
            return ImapResult.Bad("Syntax: AUTHENTICATE mechanism [initial-response]");
        }

        string? initial = null;
        if (!args.AtEnd)
        {
            if (!args.TryAtom(out var response) || !args.AtEnd)
            {
                return ImapResult.Bad("Syntax: AUTHENTICATE mechanism [initial-response]");
            }

            initial = response;
        }

        if (SaslMechanisms.Create(mechanism) is not { } exchange)
        {
            return ImapResult.No("Unsupported authentication mechanism", "CANNOT");
        }

        if (!session.CanLogin)
        {
            return ImapResult.No("Authentication is not allowed without TLS; use STARTTLS or port 993", "PRIVACYREQUIRED");
        }

        var step = exchange.Start(Encoding.ASCII.GetBytes(initial ?? string.Empty), initial is not null);
        while (step.Status == SaslStatus.Challenge)
        {
            session.Writer.Continuation(step.Challenge!.Length == 0 ? string.Empty : step.Challenge);
            var line = await session.ReadLineAsync(MaxResponseLine, session.Options.LoginTimeout).ConfigureAwait(false);
            if (line.Status == LineStatus.EndOfInput)
            {
                return ImapResult.Close;
            }

            session.Transcript("C", "***");
            if (line.Status == LineStatus.TooLong)
            {
                return ImapResult.Bad("Authentication response too long");
            }

            step = exchange.Respond(line.Line.Span);
        }

        return step.Status switch
        {
            SaslStatus.Cancelled => ImapResult.Bad("Authentication cancelled"),
            SaslStatus.InvalidBase64 => ImapResult.Bad("Invalid base64 in authentication response"),
            SaslStatus.Malformed => ImapResult.No("Authentication failed", "AUTHENTICATIONFAILED"),
            _ => await session.LoginAsync(step.Credentials!, exchange.Mechanism).ConfigureAwait(false),
        };
    }
}

using Mailroom.Networking;

namespace Mailroom.Protocols.Imap;

/// <summary>LOGIN user password (RFC 9051 §6.2.3); refused before TLS unless allowed (LOGINDISABLED).</summary>
internal sealed class LoginHandler : IImapCommandHandler
{
    public string Name => "LOGIN";

    public IEnumerable<string> Capabilities(ImapSession session) =>
        session.State == ImapState.NotAuthenticated && !session.CanLogin ? ["LOGINDISABLED"] : [];

    public async ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        if (!args.TryAString(out var user) || !args.TryAString(out var password) || !args.AtEnd)
        {
            return ImapResult.Bad("Syntax: LOGIN user password");
        }

        if (!session.CanLogin)
        {
            return ImapResult.No("Plain-text login is not allowed without TLS; use STARTTLS or port 993", "PRIVACYREQUIRED");
        }

        return await session.LoginAsync(new SaslCredentials(user, password), "LOGIN").ConfigureAwait(false);
    }
}

namespace Mailroom.Protocols.Imap;

/// <summary>
/// The CAPABILITY list (RFC 9051 §7.2.2) for a session's current state: the engine's own atoms, then each handler's
/// (<see cref="IImapCommandHandler.Capabilities"/>), without duplicates.
/// </summary>
public static class ImapCapabilities
{
    public static IReadOnlyList<string> For(ImapSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var atoms = new List<string> { "IMAP4rev1", "IMAP4rev2" };
        foreach (var handler in ImapCommandHandlers.All)
        {
            foreach (var atom in handler.Capabilities(session))
            {
                if (!atoms.Contains(atom, StringComparer.OrdinalIgnoreCase))
                {
                    atoms.Add(atom);
                }
            }
        }

        // RFC 7888: LITERAL+ (any size) for IMAP4rev1 clients; IMAP4rev2 has LITERAL- built in.
        atoms.Add("LITERAL+");
        return atoms;
    }
}

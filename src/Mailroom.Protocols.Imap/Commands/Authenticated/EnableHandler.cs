namespace Mailroom.Protocols.Imap;

/// <summary>
/// ENABLE capability… (RFC 5161): turns on CONDSTORE, QRESYNC (RFC 7162 §3.2.3), IMAP4rev2 (RFC 9051 §6.3.1) and
/// UTF8=ACCEPT (RFC 6855 §3); answers <c>* ENABLED</c> with those newly enabled. Unknown names are ignored.
/// </summary>
internal sealed class EnableHandler : IImapCommandHandler
{
    public string Name => "ENABLE";

    public IEnumerable<string> Capabilities(ImapSession session) => ["ENABLE", "UTF8=ACCEPT"];

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        var args = command.Reader();
        var names = new List<string>();
        while (args.TryAtom(out var name))
        {
            names.Add(name);
        }

        if (names.Count == 0 || !args.AtEnd)
        {
            return ValueTask.FromResult(ImapResult.Bad("Syntax: ENABLE capability…"));
        }

        var enabled = new List<string>();
        foreach (var name in names)
        {
            var extension = name.ToUpperInvariant() switch
            {
                "CONDSTORE" => ImapExtensions.CondStore,
                "QRESYNC" => ImapExtensions.QResync,
                "IMAP4REV2" => ImapExtensions.Imap4Rev2,
                "UTF8=ACCEPT" => ImapExtensions.Utf8Accept,
                _ => ImapExtensions.None,
            };
            if (extension != ImapExtensions.None && (session.Enable(extension) & extension) != 0)
            {
                enabled.Add(name.ToUpperInvariant() == "IMAP4REV2" ? "IMAP4rev2" : name.ToUpperInvariant());
            }
        }

        session.Writer.Untagged(("ENABLED " + string.Join(' ', enabled)).TrimEnd());
        return ValueTask.FromResult(ImapResult.Ok("ENABLE completed"));
    }
}

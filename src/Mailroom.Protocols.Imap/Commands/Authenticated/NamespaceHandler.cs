namespace Mailroom.Protocols.Imap;

/// <summary>NAMESPACE (RFC 2342, RFC 9051 §6.3.10): one personal namespace with no prefix and "/" as delimiter.</summary>
internal sealed class NamespaceHandler : IImapCommandHandler
{
    public string Name => "NAMESPACE";

    public IEnumerable<string> Capabilities(ImapSession session) => ["NAMESPACE"];

    public ValueTask<ImapResult> HandleAsync(ImapSession session, ImapCommand command)
    {
        if (command.Arguments.Count > 0)
        {
            return ValueTask.FromResult(ImapResult.Bad("NAMESPACE takes no arguments"));
        }

        session.Writer.Untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return ValueTask.FromResult(ImapResult.Ok("NAMESPACE completed"));
    }
}

namespace Mailroom.Protocols.Imap;

/// <summary>MOVE and UID MOVE (RFC 6851): copy and expunge in one store transaction per page.</summary>
internal sealed class MoveHandler : CopyHandler
{
    public override string Name => "MOVE";

    public override IEnumerable<string> Capabilities(ImapSession session) => ["MOVE"];

    protected override bool IsMove => true;
}

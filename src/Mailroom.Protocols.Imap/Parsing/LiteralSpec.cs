namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// A literal announced at the end of a line: <c>{n}</c> (synchronizing: the server answers <c>+</c> before the client
/// sends), <c>{n+}</c> (non-synchronizing, RFC 7888 LITERAL+/LITERAL-: the octets follow at once) or <c>~{n}</c>
/// (RFC 3516 literal8, either form).
/// </summary>
public readonly record struct LiteralSpec(long Size, bool NonSynchronizing, bool IsLiteral8)
{
    public override string ToString() => (IsLiteral8 ? "~{" : "{") + Size + (NonSynchronizing ? "+}" : "}");
}

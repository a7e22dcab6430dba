namespace Mailroom.Protocols.Pop3;

/// <summary>The commands the engine knows (RFC 1939 §4–§7, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH).</summary>
public enum Pop3Verb
{
    Unknown,
    User,
    Pass,
    Auth,
    Capa,
    Stls,
    Quit,
    Stat,
    List,
    Retr,
    Dele,
    Noop,
    Rset,
    Top,
    Uidl,
}

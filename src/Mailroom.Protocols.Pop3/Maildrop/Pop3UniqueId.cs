using System.Globalization;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// UIDL strings (RFC 1939 §7): <c>UIDVALIDITY.UID</c> in decimal, e.g. <c>1767225600.42</c>. Both parts come from the
/// store and never change for a message, so a client that leaves mail on the server recognises it in every later
/// session; the same pair is what IMAP shows for the message, which makes support questions easy to follow. The
/// result uses only digits and '.', well inside the 0x21–0x7E, 70-character rule.
/// </summary>
public static class Pop3UniqueId
{
    public static string Format(uint uidValidity, uint uid) =>
        uidValidity.ToString(CultureInfo.InvariantCulture) + "." + uid.ToString(CultureInfo.InvariantCulture);
}

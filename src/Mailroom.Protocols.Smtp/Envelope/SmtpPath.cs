namespace Mailroom.Protocols.Smtp;

/// <summary>
/// A reverse or forward path of RFC 5321 §4.1.2 with any source route already dropped (§4.1.2, Appendix C: servers
/// accept and ignore it). The local part keeps its wire form, quotes included.
/// </summary>
public sealed record SmtpPath
{
    /// <summary>The null reverse path <c>&lt;&gt;</c> (bounces, RFC 5321 §4.5.5).</summary>
    public static SmtpPath Null { get; } = new(string.Empty, string.Empty);

    public SmtpPath(string localPart, string domain)
    {
        LocalPart = localPart;
        Domain = domain;
        IsUtf8 = !localPart.All(char.IsAscii) || !domain.All(char.IsAscii);
    }

    public string LocalPart { get; }

    /// <summary>A domain, or an address literal with its brackets (<c>[192.0.2.1]</c>); empty for
    /// <see cref="IsPostmaster"/> and <see cref="IsNull"/>.</summary>
    public string Domain { get; }

    public bool IsNull => LocalPart.Length == 0;

    /// <summary><c>RCPT TO:&lt;Postmaster&gt;</c> without a domain, which every server must accept (RFC 5321 §4.1.1.3).</summary>
    public bool IsPostmaster => Domain.Length == 0 && LocalPart.Length > 0;

    public bool IsAddressLiteral => Domain.StartsWith('[');

    /// <summary>Contains non-ASCII characters, allowed only with SMTPUTF8 (RFC 6531 §3.3).</summary>
    public bool IsUtf8 { get; }

    /// <summary><c>local@domain</c>, <c>Postmaster</c>, or empty for the null path.</summary>
    public string Address => Domain.Length == 0 ? LocalPart : LocalPart + "@" + Domain;

    public override string ToString() => "<" + Address + ">";
}

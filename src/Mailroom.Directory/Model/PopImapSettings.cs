namespace Mailroom.Directory.Model;

/// <summary>Exchange's <c>-LoginType</c> of Set-ImapSettings and Set-PopSettings.</summary>
public enum LoginOptions
{
    /// <summary>Plain-text authentication only after STARTTLS/STLS or on the implicit TLS port (Exchange's default).</summary>
    SecureLogin,

    /// <summary>Plain-text authentication (LOGIN/USER-PASS and SASL PLAIN) allowed without TLS.</summary>
    PlainTextLogin,

    /// <summary>Exchange's third value: plain-text AUTHENTICATE allowed without TLS; treated as <see cref="PlainTextLogin"/>.</summary>
    PlainTextAuthentication,
}

/// <summary>
/// A server's POP3 or IMAP client settings as Set-PopSettings/Set-ImapSettings keep them: the host names, ports and
/// encryption that Autodiscover and autoconfig tell clients (internal and external), the login type and the name
/// the protocol's certificate is chosen by. Empty connection settings mean "this server's client access host
/// name and its listener ports".
/// </summary>
public abstract class PopImapSettings : DirectoryObject
{
    public string Server { get; set; } = string.Empty;

    public List<ProtocolConnectionSettings> ExternalConnectionSettings { get; set; } = [];

    public List<ProtocolConnectionSettings> InternalConnectionSettings { get; set; } = [];

    public LoginOptions LoginType { get; set; } = LoginOptions.SecureLogin;

    /// <summary>The host name whose certificate the protocol presents when the client sends no SNI name.</summary>
    public string? X509CertificateName { get; set; }

    public override string Identity => $"{Server}\\{Name}";

    public override IEnumerable<string> DirectoryKeys()
    {
        yield return DirectoryKey.Name(ObjectClass, Identity);
        yield return DirectoryKey.DistinguishedName(DistinguishedName);
    }
}

public sealed class ImapSettings : PopImapSettings
{
    public const string Class = "ImapSettings";

    public override string ObjectClass => Class;
}

public sealed class PopSettings : PopImapSettings
{
    public const string Class = "PopSettings";

    public override string ObjectClass => Class;
}

namespace Mailroom.Directory.Model;

/// <summary>An SMTP namespace the organization accepts mail for (Exchange's accepted domain).</summary>
public sealed class AcceptedDomain : DirectoryObject
{
    public const string Class = "AcceptedDomain";

    /// <summary><c>contoso.com</c>, or <c>*.contoso.com</c> for the domain and all its subdomains.</summary>
    public string DomainName { get; set; } = string.Empty;

    public AcceptedDomainType DomainType { get; set; } = AcceptedDomainType.Authoritative;

    public bool Default { get; set; }

    public bool AddressBookEnabled { get; set; } = true;

    public bool MatchSubDomains { get; set; }

    public override string ObjectClass => Class;

    public override IEnumerable<string> DirectoryKeys() =>
        base.DirectoryKeys().Append(DirectoryKey.Domain(DomainName));
}

public enum AcceptedDomainType
{
    Authoritative,
    InternalRelay,
    ExternalRelay,
}

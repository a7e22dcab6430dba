namespace Mailroom.Addressing;

/// <summary>
/// A DNS domain as Exchange's <c>SmtpDomainWithSubdomains</c>: <c>contoso.com</c> or <c>*.contoso.com</c>
/// (the domain and all its subdomains). Comparison is case-insensitive; the text keeps the caller's case.
/// </summary>
public sealed record SmtpDomain
{
    private SmtpDomain(string domain, bool includeSubdomains)
    {
        Domain = domain;
        IncludeSubdomains = includeSubdomains;
    }

    /// <summary>The domain without a leading <c>*.</c>.</summary>
    public string Domain { get; }

    public bool IncludeSubdomains { get; }

    public bool Equals(SmtpDomain? other) =>
        other is not null && IncludeSubdomains == other.IncludeSubdomains &&
        string.Equals(Domain, other.Domain, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Domain), IncludeSubdomains);

    public override string ToString() => IncludeSubdomains ? "*." + Domain : Domain;

    /// <summary>True when <paramref name="domain"/> is this domain, or one of its subdomains for a wildcard domain.</summary>
    public bool Matches(string domain) =>
        string.Equals(domain, Domain, StringComparison.OrdinalIgnoreCase) ||
        IncludeSubdomains && domain.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, bool allowWildcard, out SmtpDomain? domain, out string? error)
    {
        domain = null;
        text = text?.Trim() ?? string.Empty;
        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        if (wildcard && !allowWildcard)
        {
            error = $"The domain \"{text}\" can't contain a wildcard.";
            return false;
        }

        var name = wildcard ? text[2..] : text;
        error = Validate(name);
        if (error is not null)
        {
            error = $"\"{text}\" isn't a valid SMTP domain: {error}";
            return false;
        }

        domain = new SmtpDomain(name, wildcard);
        return true;
    }

    public static SmtpDomain Parse(string text, bool allowWildcard = true) =>
        TryParse(text, allowWildcard, out var d, out var error) ? d! : throw new FormatException(error);

    /// <summary>RFC 1035 host name rules: labels of letters, digits and inner hyphens, 1–63 characters, 255 in all.</summary>
    private static string? Validate(string name)
    {
        if (name.Length is 0 or > 255)
        {
            return "a domain has 1 to 255 characters.";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63)
            {
                return "each label between dots has 1 to 63 characters.";
            }

            if (label.Contains('*'))
            {
                return "a wildcard may only be the first label, as in *.contoso.com.";
            }

            if (label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return "labels hold letters, digits and hyphens, and don't start or end with a hyphen.";
            }
        }

        return null;
    }
}

namespace Mailroom.Addressing;

/// <summary>
/// One entry of a recipient's <c>EmailAddresses</c>: <c>SMTP:</c> marks the primary SMTP address, <c>smtp:</c> a
/// secondary one; other prefixes (X400, X500, …) are kept as given. An entry without a prefix is SMTP.
/// </summary>
public sealed record ProxyAddress(string Prefix, string Address)
{
    public bool IsSmtp => string.Equals(Prefix, "smtp", StringComparison.OrdinalIgnoreCase);

    /// <summary>Exchange marks the primary address of a type by writing its prefix in upper case.</summary>
    public bool IsPrimary => IsSmtp && Prefix == "SMTP";

    public ProxyAddress AsPrimary() => this with { Prefix = "SMTP" };

    public ProxyAddress AsSecondary() => this with { Prefix = IsSmtp ? "smtp" : Prefix };

    public override string ToString() => Prefix + ":" + Address;

    public bool SameAddress(ProxyAddress other) =>
        string.Equals(Prefix, other.Prefix, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Address, other.Address, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, out ProxyAddress? proxy, out string? error)
    {
        proxy = null;
        error = null;
        text = text?.Trim() ?? string.Empty;
        var colon = text.IndexOf(':');
        var prefix = colon > 0 && !text[..colon].Contains('@') ? text[..colon] : null;
        var address = prefix is null ? text : text[(colon + 1)..];
        if (prefix is null || string.Equals(prefix, "smtp", StringComparison.OrdinalIgnoreCase))
        {
            if (!SmtpAddress.TryParse(address, out var smtp))
            {
                error = $"The address \"{text}\" is invalid: \"{address}\" isn't a valid SMTP address.";
                return false;
            }

            // Only the exact upper-case prefix marks the primary; any other spelling is a secondary address.
            proxy = new ProxyAddress(prefix == "SMTP" ? "SMTP" : "smtp", smtp!.ToString());
            return true;
        }

        if (address.Length == 0 || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            error = $"The address \"{text}\" is invalid: the address type and the address are both required, as in X500:/o=Org/cn=name.";
            return false;
        }

        proxy = new ProxyAddress(prefix.ToUpperInvariant(), address);
        return true;
    }

    public static ProxyAddress Parse(string text) =>
        TryParse(text, out var p, out var error) ? p! : throw new FormatException(error);
}

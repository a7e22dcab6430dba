namespace Mailroom.Addressing;

/// <summary>An RFC 5321 mailbox <c>local@domain</c> with a dot-atom local part; equality ignores case.</summary>
public sealed record SmtpAddress
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    private SmtpAddress(string local, string domain)
    {
        Local = local;
        Domain = domain;
    }

    public string Local { get; }

    public string Domain { get; }

    public bool Equals(SmtpAddress? other) =>
        other is not null && string.Equals(ToString(), other.ToString(), StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    public override string ToString() => Local + "@" + Domain;

    public static bool IsAtomChar(char c) => char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c);

    /// <summary>RFC 5321 §4.1.2 dot-atom: atoms of atext joined by single dots, at most 64 characters.</summary>
    public static bool IsValidLocalPart(string local) =>
        local.Length is > 0 and <= 64 && local.Split('.').All(atom => atom.Length > 0 && atom.All(IsAtomChar));

    public static bool TryParse(string? text, out SmtpAddress? address)
    {
        address = null;
        text = text?.Trim();
        var at = text?.LastIndexOf('@') ?? -1;
        if (text is null || at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var local = text[..at];
        if (!IsValidLocalPart(local) || !SmtpDomain.TryParse(text[(at + 1)..], false, out var domain, out _))
        {
            return false;
        }

        address = new SmtpAddress(local, domain!.Domain);
        return true;
    }

    public static SmtpAddress Parse(string text) =>
        TryParse(text, out var a) ? a! : throw new FormatException($"\"{text}\" isn't a valid SMTP address.");
}

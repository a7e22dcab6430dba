using Mailroom.Addressing;

namespace Mailroom.Directory.Policies;

/// <summary>
/// One entry of <c>EnabledEmailAddressTemplates</c>: <c>SMTP:%g.%s@contoso.com</c> (primary), <c>smtp:…</c> (proxy)
/// or a custom type (<c>X400:…</c>) kept as it is. For SMTP templates the part before the last <c>@</c> is a
/// local-part format with variables (see <see cref="LocalPartTemplate"/>) and the rest a literal domain.
/// </summary>
public sealed record AddressTemplate(string Prefix, string Format)
{
    public bool IsSmtp => string.Equals(Prefix, "smtp", StringComparison.OrdinalIgnoreCase);

    public bool IsPrimary => Prefix == "SMTP";

    /// <summary>The domain of an SMTP template (after the last '@'); null for other types.</summary>
    public string? Domain => IsSmtp ? Format[(Format.LastIndexOf('@') + 1)..] : null;

    public string? LocalPartFormat => IsSmtp ? Format[..Format.LastIndexOf('@')] : null;

    public override string ToString() => Prefix + ":" + Format;

    /// <summary>
    /// Parses a template list as Exchange does: exactly one <c>SMTP:</c>; a template without a prefix is SMTP,
    /// primary if no <c>SMTP:</c> came before and none is given, otherwise a proxy. Throws <see cref="FormatException"/>.
    /// </summary>
    public static IReadOnlyList<AddressTemplate> ParseList(IEnumerable<string> texts, bool requirePrimary = true)
    {
        var raw = texts.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        var explicitPrimary = raw.Count(t => t.StartsWith("SMTP:", StringComparison.Ordinal));
        if (explicitPrimary > 1)
        {
            throw new FormatException("Only one primary SMTP template (SMTP:) is allowed; write the others with the lower-case prefix smtp:.");
        }

        var result = new List<AddressTemplate>();
        var havePrimary = explicitPrimary == 1;
        foreach (var text in raw)
        {
            var template = Parse(text, makePrimary: !havePrimary);
            havePrimary |= template.IsPrimary;
            if (result.Any(t => string.Equals(t.Format, template.Format, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Prefix, template.Prefix, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"The template \"{text}\" is listed twice.");
            }

            result.Add(template);
        }

        if (requirePrimary && !result.Any(t => t.IsPrimary))
        {
            throw new FormatException("The template list needs exactly one primary SMTP template, such as \"SMTP:%m@contoso.com\".");
        }

        return result;
    }

    private static AddressTemplate Parse(string text, bool makePrimary)
    {
        var colon = text.IndexOf(':');
        var hasPrefix = colon > 0 && text[..colon].All(char.IsAsciiLetterOrDigit);
        var prefix = hasPrefix ? text[..colon] : (makePrimary ? "SMTP" : "smtp");
        var format = hasPrefix ? text[(colon + 1)..] : text;
        if (!string.Equals(prefix, "smtp", StringComparison.OrdinalIgnoreCase))
        {
            return format.Length > 0
                ? new AddressTemplate(prefix.ToUpperInvariant(), format)
                : throw new FormatException($"The template \"{text}\" has no address after its type.");
        }

        var at = format.LastIndexOf('@');
        if (at <= 0 || at == format.Length - 1)
        {
            throw new FormatException($"The SMTP template \"{text}\" is invalid: it needs a local part and a domain, as in %g.%s@contoso.com.");
        }

        LocalPartTemplate.Validate(format[..at]);
        if (!SmtpDomain.TryParse(format[(at + 1)..], false, out _, out var error))
        {
            throw new FormatException($"The SMTP template \"{text}\" is invalid: {error}");
        }

        var normalized = prefix == "SMTP" || (makePrimary && !hasPrefix) ? "SMTP" : "smtp";
        return new AddressTemplate(normalized, format);
    }
}

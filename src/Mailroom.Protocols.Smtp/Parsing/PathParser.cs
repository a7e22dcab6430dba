using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailroom.Protocols.Smtp;

internal enum PathError
{
    None,
    Syntax,
    TooLong,
}

/// <summary>
/// RFC 5321 §4.1.2 paths: <c>"&lt;" [ A-d-l ":" ] Mailbox "&gt;"</c>, with RFC 6531 §3.3's UTF-8 in local parts and
/// domains (whether UTF-8 is permitted is the caller's decision, see <see cref="SmtpPath.IsUtf8"/>).
/// </summary>
internal static class PathParser
{
    private const string AtextSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static bool TryParse(string text, ref int position, bool allowNull, bool allowPostmaster, out SmtpPath? path, out PathError error)
    {
        path = null;
        error = PathError.Syntax;
        var start = position;
        var p = position;
        if (!Take(text, ref p, '<'))
        {
            return false;
        }

        if (Take(text, ref p, '>'))
        {
            position = p;
            path = allowNull ? SmtpPath.Null : null;
            return allowNull;
        }

        if (Peek(text, p) == '@' && !SkipSourceRoute(text, ref p))
        {
            return false;
        }

        var localStart = p;
        if (!(Peek(text, p) == '"' ? SkipQuotedString(text, ref p) : SkipDotString(text, ref p)))
        {
            return false;
        }

        var local = text[localStart..p];
        if (allowPostmaster && Peek(text, p) == '>' && local.Equals("Postmaster", StringComparison.OrdinalIgnoreCase))
        {
            position = p + 1;
            path = new SmtpPath(local, string.Empty);
            error = PathError.None;
            return true;
        }

        if (!Take(text, ref p, '@'))
        {
            return false;
        }

        var domainStart = p;
        if (!(Peek(text, p) == '[' ? SkipAddressLiteral(text, ref p) : SkipDomain(text, ref p)) || !Take(text, ref p, '>'))
        {
            return false;
        }

        var domain = text[domainStart..(p - 1)];
        if (Encoding.UTF8.GetByteCount(local) > SmtpLimits.LocalPart || Encoding.UTF8.GetByteCount(domain) > SmtpLimits.Domain
            || Encoding.UTF8.GetByteCount(text.AsSpan(start, p - start)) > SmtpLimits.Path)
        {
            error = PathError.TooLong;
            return false;
        }

        position = p;
        path = new SmtpPath(local, domain);
        error = PathError.None;
        return true;
    }

    private static char Peek(string text, int p) => p < text.Length ? text[p] : '\0';

    private static bool Take(string text, ref int p, char c)
    {
        if (Peek(text, p) != c)
        {
            return false;
        }

        p++;
        return true;
    }

    // A-d-l = At-domain *( "," At-domain ); accepted and ignored (RFC 5321 §4.1.2, Appendix C).
    private static bool SkipSourceRoute(string text, ref int p)
    {
        do
        {
            if (!Take(text, ref p, '@') || !SkipDomain(text, ref p))
            {
                return false;
            }
        }
        while (Take(text, ref p, ','));

        return Take(text, ref p, ':');
    }

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || AtextSpecials.Contains(c) || c > 127;

    // Dot-string = Atom *("." Atom)
    private static bool SkipDotString(string text, ref int p)
    {
        do
        {
            var atomStart = p;
            while (p < text.Length && IsAtext(text[p]))
            {
                p++;
            }

            if (p == atomStart)
            {
                return false;
            }
        }
        while (Take(text, ref p, '.'));

        return true;
    }

    // Quoted-string = DQUOTE *( qtextSMTP / quoted-pairSMTP ) DQUOTE
    private static bool SkipQuotedString(string text, ref int p)
    {
        p++;
        while (p < text.Length)
        {
            var c = text[p];
            if (c == '"')
            {
                p++;
                return true;
            }

            if (c == '\\')
            {
                if (p + 1 >= text.Length || text[p + 1] is < ' ' or > '~')
                {
                    return false;
                }

                p += 2;
            }
            else if (c is >= ' ' and <= '~' or > (char)127)
            {
                p++;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    // Domain = sub-domain *("." sub-domain); sub-domain = Let-dig [Ldh-str] (or a U-label, RFC 6531 §3.3).
    public static bool SkipDomain(string text, ref int p)
    {
        do
        {
            var labelStart = p;
            while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '-' || text[p] > 127))
            {
                p++;
            }

            if (p == labelStart || text[labelStart] == '-' || text[p - 1] == '-' || p - labelStart > 63)
            {
                return false;
            }
        }
        while (Take(text, ref p, '.'));

        return true;
    }

    // address-literal = "[" ( IPv4-address-literal / IPv6-address-literal / General-address-literal ) "]"
    private static bool SkipAddressLiteral(string text, ref int p)
    {
        var close = text.IndexOf(']', p);
        if (close < 0)
        {
            return false;
        }

        var content = text[(p + 1)..close];
        p = close + 1;
        if (content.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.TryParse(content[5..], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var colon = content.IndexOf(':');
        if (colon > 0)
        {
            // General-address-literal = Standardized-tag ":" 1*dcontent
            var tag = content[..colon];
            var value = content[(colon + 1)..];
            return tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !tag.EndsWith('-')
                && value.Length > 0 && value.All(c => c is >= '!' and <= 'Z' or >= '^' and <= '~');
        }

        var octets = content.Split('.');
        return octets.Length == 4 && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }
}

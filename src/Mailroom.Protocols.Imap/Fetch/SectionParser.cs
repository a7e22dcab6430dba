using System.Text;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// RFC 9051 section-spec, from the text between the brackets of <c>BODY[…]</c> (the command reader keeps a bracketed
/// section, header list included, inside one atom).
/// </summary>
public static class SectionParser
{
    public const int MaxDepth = 32;

    public const int MaxFields = 100;

    public static Section Parse(string text)
    {
        if (text.Length == 0)
        {
            return Section.Whole;
        }

        var (part, rest) = SplitPart(text);
        if (rest.Length == 0)
        {
            return new Section(part, SectionText.None, []);
        }

        var space = rest.IndexOf(' ');
        var keyword = (space < 0 ? rest : rest[..space]).ToUpperInvariant();
        var kind = keyword switch
        {
            "HEADER" => SectionText.Header,
            "TEXT" => SectionText.Text,
            "MIME" when part.Count > 0 => SectionText.Mime,
            "HEADER.FIELDS" => SectionText.HeaderFields,
            "HEADER.FIELDS.NOT" => SectionText.HeaderFieldsNot,
            _ => throw new ArgumentSyntaxException($"Unknown section text {TokenCursor.Truncate(keyword)}."),
        };

        if (kind is SectionText.HeaderFields or SectionText.HeaderFieldsNot)
        {
            if (space < 0)
            {
                throw new ArgumentSyntaxException($"{keyword} needs a list of header names.");
            }

            return new Section(part, kind, ParseFieldList(rest[(space + 1)..]));
        }

        return space < 0 ? new Section(part, kind, []) : throw new ArgumentSyntaxException("Unexpected text after the section.");
    }

    /// <summary>RFC 3516 section-binary: part numbers only.</summary>
    public static Section ParseBinary(string text)
    {
        var (part, rest) = SplitPart(text);
        return rest.Length == 0 ? new Section(part, SectionText.None, []) : throw new ArgumentSyntaxException("A BINARY section is part numbers only.");
    }

    /// <summary>Leading nz-number *("." nz-number), and what follows the dot after it.</summary>
    private static (IReadOnlyList<uint> Part, string Remainder) SplitPart(string text)
    {
        var part = new List<uint>();
        var pos = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            var end = pos;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var number = TokenCursor.ParseNumber(text[pos..end], "A section part");
            if (number == 0 || text[pos] == '0')
            {
                throw new ArgumentSyntaxException("Section part numbers start at 1.");
            }

            part.Add(number);
            if (part.Count > MaxDepth)
            {
                throw new ArgumentSyntaxException("Section nested too deeply.");
            }

            if (end == text.Length)
            {
                return (part, string.Empty);
            }

            if (text[end] != '.' || end + 1 == text.Length)
            {
                throw new ArgumentSyntaxException("Malformed section part.");
            }

            pos = end + 1;
        }

        return (part, text[pos..]);
    }

    /// <summary>header-list = "(" header-fld-name *(SP header-fld-name) ")", names being astrings.</summary>
    private static IReadOnlyList<string> ParseFieldList(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
        {
            throw new ArgumentSyntaxException("A header list is parenthesized.");
        }

        var fields = new List<string>();
        var pos = 1;
        var end = text.Length - 1;
        while (pos < end)
        {
            if (text[pos] == ' ')
            {
                pos++;
                continue;
            }

            string name;
            if (text[pos] == '"')
            {
                var sb = new StringBuilder();
                pos++;
                while (pos < end && text[pos] != '"')
                {
                    if (text[pos] == '\\' && pos + 1 < end)
                    {
                        pos++;
                    }

                    sb.Append(text[pos++]);
                }

                if (pos >= end)
                {
                    throw new ArgumentSyntaxException("Unterminated quoted header name.");
                }

                pos++;
                name = sb.ToString();
            }
            else
            {
                var start = pos;
                while (pos < end && text[pos] != ' ')
                {
                    pos++;
                }

                name = text[start..pos];
            }

            // RFC 5322 §3.6.8 field-name: printable ASCII except colon.
            if (name.Length == 0 || !name.All(c => c is > ' ' and < (char)0x7F and not ':' and not '(' and not ')' and not '"'))
            {
                throw new ArgumentSyntaxException("Invalid header field name.");
            }

            fields.Add(name);
            if (fields.Count > MaxFields)
            {
                throw new ArgumentSyntaxException($"At most {MaxFields} header names.");
            }
        }

        return fields.Count > 0 ? fields : throw new ArgumentSyntaxException("A header list names at least one field.");
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// An SMTP reply (RFC 5321 §4.2). Replies in the 2xx/4xx/5xx classes carry an enhanced status code (RFC 3463,
/// RFC 2034 §4) whose class matches the reply's first digit; the code is repeated on every line of a multi-line
/// reply. CR and LF in texts are replaced by spaces so no text can inject a reply line.
/// </summary>
public sealed partial class SmtpReply
{
    /// <summary>A reply with an enhanced status code, e.g. <c>new SmtpReply(550, "5.1.1", "User unknown")</c>.</summary>
    public SmtpReply(int code, string enhancedStatusCode, params string[] lines)
        : this(code, enhancedStatusCode, (IReadOnlyList<string>)lines)
    {
        if (!EnhancedCodePattern().IsMatch(enhancedStatusCode) || enhancedStatusCode[0] != (char)('0' + code / 100))
        {
            throw new ArgumentException(
                $"\"{enhancedStatusCode}\" is not an RFC 3463 status code of class {code / 100}.", nameof(enhancedStatusCode));
        }
    }

    private SmtpReply(int code, string? enhancedStatusCode, IReadOnlyList<string> lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        Code = code;
        EnhancedStatusCode = enhancedStatusCode;
        Lines = lines.Count == 0 ? [string.Empty] : lines.Select(Sanitize).ToArray();
    }

    /// <summary>The three-digit reply code.</summary>
    public int Code { get; }

    /// <summary>The RFC 3463 code, or null for replies RFC 2034 §4 exempts (greeting, EHLO/HELO, 3xx).</summary>
    public string? EnhancedStatusCode { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>2xx and 3xx.</summary>
    public bool IsPositive => Code < 400;

    /// <summary>4xx: the client may try again later.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>A reply without an enhanced status code: greeting, EHLO/HELO replies, 334 and 354.</summary>
    public static SmtpReply WithoutStatusCode(int code, params string[] lines)
    {
        if (code is not (220 or 250 or 334 or 354 or 421 or 554))
        {
            throw new ArgumentOutOfRangeException(nameof(code), "Only greetings, EHLO replies and 3xx go without a status code.");
        }

        return new SmtpReply(code, null, (IReadOnlyList<string>)lines);
    }

    /// <summary>The wire form, CRLF after every line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Lines.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Code}{(i < Lines.Count - 1 ? '-' : ' ')}");
            if (EnhancedStatusCode is not null)
            {
                text.Append(EnhancedStatusCode).Append(Lines[i].Length > 0 ? " " : string.Empty);
            }

            text.Append(Lines[i]).Append("\r\n");
        }

        return text.ToString();
    }

    internal void WriteTo(IBufferWriter<byte> output)
    {
        var text = ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static string Sanitize(string line) =>
        line.AsSpan().ContainsAny('\r', '\n') ? line.Replace('\r', ' ').Replace('\n', ' ') : line;

    [GeneratedRegex(@"^[245]\.[0-9]{1,3}\.[0-9]{1,3}$")]
    private static partial Regex EnhancedCodePattern();
}

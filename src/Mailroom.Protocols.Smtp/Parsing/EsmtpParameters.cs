namespace Mailroom.Protocols.Smtp;

/// <summary>
/// <c>Mail-parameters = esmtp-param *(SP esmtp-param)</c> (RFC 5321 §4.1.2): keyword ["=" value], keywords
/// case-insensitive, values printable ASCII except "=" (UTF-8 allowed too, RFC 6531 §3.3), each keyword once.
/// </summary>
internal static class EsmtpParameters
{
    public static bool TryParse(string text, out List<KeyValuePair<string, string?>> parameters, out SmtpReply? error)
    {
        parameters = [];
        error = null;
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=');
            var keyword = (equals < 0 ? token : token[..equals]).ToUpperInvariant();
            var value = equals < 0 ? null : token[(equals + 1)..];
            if (keyword.Length == 0 || !char.IsAsciiLetterOrDigit(keyword[0]) || !keyword.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                error = SmtpReplies.InvalidArgument("Invalid parameter syntax");
                return false;
            }

            if (value is not null && (value.Length == 0 || value.Any(c => c is '=' or <= ' ' or (char)127)))
            {
                error = SmtpReplies.InvalidArgument($"Invalid value for parameter {keyword}");
                return false;
            }

            if (parameters.Any(p => p.Key == keyword))
            {
                error = SmtpReplies.InvalidArgument($"Duplicate parameter {keyword}");
                return false;
            }

            parameters.Add(new(keyword, value));
        }

        return true;
    }
}

using System.Globalization;

namespace Mailroom.Protocols.Smtp;

public static partial class SmtpCommandParser
{
    private const string MailUsage = "MAIL FROM:<address> [parameters]";
    private const string RcptUsage = "RCPT TO:<address> [parameters]";

    // RFC 1870 SIZE, RFC 6152/3030 BODY, RFC 6531 SMTPUTF8, RFC 3461 RET/ENVID, RFC 4954 AUTH.
    private static readonly string[] MailKeywords = ["SIZE", "BODY", "SMTPUTF8", "RET", "ENVID", "AUTH"];

    private static SmtpParseResult ParseMail(string arguments)
    {
        if (!TryParsePath(arguments, "FROM:", SmtpVerb.Mail, out var path, out var rest, out var failure))
        {
            return failure;
        }

        if (!EsmtpParameters.TryParse(rest, out var parameters, out var error))
        {
            return SmtpParseResult.Fail(SmtpVerb.Mail, error!);
        }

        if (parameters.FirstOrDefault(p => !MailKeywords.Contains(p.Key)) is { Key: { } unknown })
        {
            return SmtpParseResult.Fail(SmtpVerb.Mail, SmtpReplies.UnsupportedParameter(unknown));
        }

        var mailFrom = new SmtpMailFrom(path);
        var smtpUtf8 = parameters.Any(p => p.Key == "SMTPUTF8");
        foreach (var (keyword, value) in parameters)
        {
            SmtpMailFrom? next = keyword switch
            {
                "SIZE" => value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit)
                    ? mailFrom with { Size = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : long.MaxValue }
                    : null,
                "BODY" => value?.ToUpperInvariant() switch
                {
                    "7BIT" => mailFrom with { Body = SmtpBodyType.SevenBit },
                    "8BITMIME" => mailFrom with { Body = SmtpBodyType.EightBitMime },
                    "BINARYMIME" => mailFrom with { Body = SmtpBodyType.BinaryMime },
                    _ => null,
                },
                "SMTPUTF8" => value is null ? mailFrom with { SmtpUtf8 = true } : null,
                "RET" => value?.ToUpperInvariant() switch
                {
                    "FULL" => mailFrom with { Return = DsnReturn.Full },
                    "HDRS" => mailFrom with { Return = DsnReturn.Headers },
                    _ => null,
                },
                "ENVID" => value is { Length: <= SmtpLimits.EnvelopeId } && XText.TryDecode(value, smtpUtf8, out var envid)
                    ? mailFrom with { EnvelopeId = envid }
                    : null,
                "AUTH" => value == "<>" ? mailFrom with { Auth = string.Empty }
                    : value is not null && XText.TryDecode(value, smtpUtf8, out var auth) ? mailFrom with { Auth = auth }
                    : null,
                _ => null,
            };

            if (next is null)
            {
                return SmtpParseResult.Fail(SmtpVerb.Mail, SmtpReplies.InvalidArgument($"Invalid value for parameter {keyword}"));
            }

            mailFrom = next;
        }

        return path.IsUtf8 && !smtpUtf8
            ? SmtpParseResult.Fail(SmtpVerb.Mail, SmtpReplies.Utf8AddressNotPermitted)
            : SmtpParseResult.Success(new MailCommand(mailFrom));
    }

    private static SmtpParseResult ParseRcpt(string arguments, bool utf8Transaction)
    {
        if (!TryParsePath(arguments, "TO:", SmtpVerb.Rcpt, out var path, out var rest, out var failure))
        {
            return failure;
        }

        if (path.IsUtf8 && !utf8Transaction)
        {
            return SmtpParseResult.Fail(SmtpVerb.Rcpt, SmtpReplies.Utf8AddressNotPermitted);
        }

        if (!EsmtpParameters.TryParse(rest, out var parameters, out var error))
        {
            return SmtpParseResult.Fail(SmtpVerb.Rcpt, error!);
        }

        if (parameters.FirstOrDefault(p => p.Key is not ("NOTIFY" or "ORCPT")) is { Key: { } unknown })
        {
            return SmtpParseResult.Fail(SmtpVerb.Rcpt, SmtpReplies.UnsupportedParameter(unknown));
        }

        var rcptTo = new SmtpRcptTo(path);
        foreach (var (keyword, value) in parameters)
        {
            SmtpRcptTo? next = keyword switch
            {
                "NOTIFY" => ParseNotify(value) is { } notify ? rcptTo with { Notify = notify } : null,
                "ORCPT" => ParseOriginalRecipient(value, utf8Transaction) is { } orcpt
                    ? rcptTo with { OriginalRecipientType = orcpt.Type, OriginalRecipient = orcpt.Address }
                    : null,
                _ => null,
            };

            if (next is null)
            {
                return SmtpParseResult.Fail(SmtpVerb.Rcpt, SmtpReplies.InvalidArgument($"Invalid value for parameter {keyword}"));
            }

            rcptTo = next;
        }

        return SmtpParseResult.Success(new RcptCommand(rcptTo));
    }

    private static bool TryParsePath(string arguments, string prefix, SmtpVerb verb, out SmtpPath path, out string rest, out SmtpParseResult failure)
    {
        path = SmtpPath.Null;
        rest = string.Empty;
        failure = default;
        var isMail = verb == SmtpVerb.Mail;
        if (!arguments.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            failure = SmtpParseResult.Fail(verb, SmtpReplies.Syntax(isMail ? MailUsage : RcptUsage));
            return false;
        }

        // RFC 5321 has no space after the colon, but many clients send one; accept a single space (Postel).
        var position = prefix.Length + (arguments.Length > prefix.Length && arguments[prefix.Length] == ' ' ? 1 : 0);
        if (!PathParser.TryParse(arguments, ref position, allowNull: isMail, allowPostmaster: !isMail, out var parsed, out var error)
            || (position < arguments.Length && arguments[position] != ' '))
        {
            var reply = isMail ? SmtpReplies.InvalidSender : SmtpReplies.InvalidRecipient;
            failure = SmtpParseResult.Fail(verb, error == PathError.TooLong ? new SmtpReply(reply.Code, reply.EnhancedStatusCode!, "Path too long") : reply);
            return false;
        }

        path = parsed!;
        rest = arguments[position..];
        return true;
    }

    private static DsnNotify? ParseNotify(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var notify = DsnNotify.Unspecified;
        foreach (var item in value.Split(','))
        {
            notify |= item.ToUpperInvariant() switch
            {
                "NEVER" => DsnNotify.Never,
                "SUCCESS" => DsnNotify.Success,
                "FAILURE" => DsnNotify.Failure,
                "DELAY" => DsnNotify.Delay,
                _ => (DsnNotify)(-1),
            };
        }

        // RFC 3461 §4.1: NEVER stands alone.
        return notify < 0 || (notify.HasFlag(DsnNotify.Never) && notify != DsnNotify.Never) ? null : notify;
    }

    private static (string Type, string Address)? ParseOriginalRecipient(string? value, bool utf8)
    {
        var semicolon = value?.IndexOf(';') ?? -1;
        if (value is null || value.Length > SmtpLimits.OriginalRecipient || semicolon <= 0)
        {
            return null;
        }

        var type = value[..semicolon];
        return type.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && XText.TryDecode(value[(semicolon + 1)..], utf8, out var address) && address.Length > 0
            ? (type, address)
            : null;
    }
}

using System.Buffers;
using System.Text;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Parses one command line (terminator removed) into a command or the reply that rejects it. Synchronous, no I/O,
/// never throws on any input. The verb is looked up once; each verb has its own argument parser.
/// </summary>
public static partial class SmtpCommandParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SmtpParseResult Parse(in ReadOnlySequence<byte> line, SmtpParserContext context)
    {
        if (line.IsSingleSegment)
        {
            return Parse(line.FirstSpan, context);
        }

        if (line.Length > SmtpLimits.AuthLine + 2)
        {
            return SmtpParseResult.Fail(SmtpVerb.Unknown, SmtpReplies.LineTooLong);
        }

        Span<byte> copy = stackalloc byte[(int)line.Length];
        line.CopyTo(copy);
        return Parse(copy, context);
    }

    public static SmtpParseResult Parse(ReadOnlySpan<byte> line, SmtpParserContext context)
    {
        var verbLength = line.IndexOf((byte)' ');
        var verbBytes = verbLength < 0 ? line : line[..verbLength];
        var verb = LookUpVerb(verbBytes);
        if (verb == SmtpVerb.Unknown)
        {
            return SmtpParseResult.Fail(verb, SmtpReplies.UnrecognizedCommand);
        }

        var baseLimit = context.MaxCommandLineLength > 0 ? context.MaxCommandLineLength : SmtpLimits.CommandLine;
        if (line.Length + 2 > SmtpLimits.LineLimit(verb, baseLimit))
        {
            return SmtpParseResult.Fail(verb, SmtpReplies.LineTooLong);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return SmtpParseResult.Fail(verb, SmtpReplies.SyntaxError);
        }

        if (text.Any(c => char.IsControl(c)))
        {
            return SmtpParseResult.Fail(verb, SmtpReplies.SyntaxError);
        }

        var arguments = verbLength < 0 ? string.Empty : text[(verbLength + 1)..].Trim(' ');
        return verb switch
        {
            SmtpVerb.Ehlo or SmtpVerb.Helo => ParseHello(verb, arguments),
            SmtpVerb.Mail => ParseMail(arguments),
            SmtpVerb.Rcpt => ParseRcpt(arguments, context.Utf8Transaction),
            SmtpVerb.Bdat => ParseBdat(arguments),
            SmtpVerb.Auth => ParseAuth(arguments),
            SmtpVerb.Vrfy => arguments.Length == 0
                ? SmtpParseResult.Fail(verb, SmtpReplies.Syntax("VRFY address"))
                : SmtpParseResult.Success(new VrfyCommand(arguments)),
            SmtpVerb.Expn => arguments.Length == 0
                ? SmtpParseResult.Fail(verb, SmtpReplies.Syntax("EXPN list"))
                : SmtpParseResult.Success(new ExpnCommand(arguments)),
            SmtpVerb.Help => SmtpParseResult.Success(new HelpCommand(arguments.Length == 0 ? null : arguments)),
            SmtpVerb.Noop => SmtpParseResult.Success(new NoopCommand(arguments.Length == 0 ? null : arguments)),
            SmtpVerb.Data => NoArguments(SimpleCommand.Data, "DATA", arguments),
            SmtpVerb.Rset => NoArguments(SimpleCommand.Rset, "RSET", arguments),
            SmtpVerb.Quit => NoArguments(SimpleCommand.Quit, "QUIT", arguments),
            _ => NoArguments(SimpleCommand.StartTls, "STARTTLS", arguments),
        };
    }

    /// <summary>Case-insensitive verb lookup over the raw bytes (RFC 5321 §2.4: verbs are case-insensitive).</summary>
    public static SmtpVerb LookUpVerb(ReadOnlySpan<byte> verb)
    {
        if (verb.Length is < 4 or > 8)
        {
            return SmtpVerb.Unknown;
        }

        Span<char> upper = stackalloc char[verb.Length];
        for (var i = 0; i < verb.Length; i++)
        {
            upper[i] = char.ToUpperInvariant((char)verb[i]);
        }

        return upper switch
        {
            "EHLO" => SmtpVerb.Ehlo,
            "HELO" => SmtpVerb.Helo,
            "MAIL" => SmtpVerb.Mail,
            "RCPT" => SmtpVerb.Rcpt,
            "DATA" => SmtpVerb.Data,
            "BDAT" => SmtpVerb.Bdat,
            "RSET" => SmtpVerb.Rset,
            "NOOP" => SmtpVerb.Noop,
            "QUIT" => SmtpVerb.Quit,
            "VRFY" => SmtpVerb.Vrfy,
            "EXPN" => SmtpVerb.Expn,
            "HELP" => SmtpVerb.Help,
            "STARTTLS" => SmtpVerb.StartTls,
            "AUTH" => SmtpVerb.Auth,
            _ => SmtpVerb.Unknown,
        };
    }

    private static SmtpParseResult NoArguments(SimpleCommand command, string usage, string arguments) =>
        arguments.Length == 0 ? SmtpParseResult.Success(command) : SmtpParseResult.Fail(command.Verb, SmtpReplies.Syntax(usage));

    private static SmtpParseResult ParseHello(SmtpVerb verb, string arguments)
    {
        // RFC 5321 §4.1.4: the name is recorded, never used to refuse mail; only its presence is required.
        var name = arguments.Split(' ', 2)[0];
        return name.Length == 0
            ? SmtpParseResult.Fail(verb, SmtpReplies.Syntax(verb == SmtpVerb.Ehlo ? "EHLO hostname" : "HELO hostname"))
            : SmtpParseResult.Success(new HelloCommand(verb == SmtpVerb.Ehlo, name));
    }

    private static SmtpParseResult ParseBdat(string arguments)
    {
        // RFC 3030 §2: BDAT SP chunk-size [SP "LAST"]. Without a size the octets that follow cannot be skipped,
        // so the session cannot stay in sync and closes.
        var parts = arguments.Split(' ');
        var valid = parts.Length is 1 or 2
            && parts[0].Length is > 0 and <= 18 && parts[0].All(char.IsAsciiDigit)
            && (parts.Length == 1 || parts[1].Equals("LAST", StringComparison.OrdinalIgnoreCase));
        return valid
            ? SmtpParseResult.Success(new BdatCommand(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length == 2))
            : SmtpParseResult.Fail(SmtpVerb.Bdat, SmtpReplies.Syntax("BDAT chunk-size [LAST]"), closeConnection: true);
    }

    private static SmtpParseResult ParseAuth(string arguments)
    {
        var parts = arguments.Split(' ');
        var mechanism = parts[0];
        if (parts.Length > 2 || mechanism.Length is 0 or > 20
            || !mechanism.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || (parts.Length == 2 && parts[1].Length == 0))
        {
            return SmtpParseResult.Fail(SmtpVerb.Auth, SmtpReplies.Syntax("AUTH mechanism [initial-response]"));
        }

        return SmtpParseResult.Success(new AuthCommand(mechanism.ToUpperInvariant(), parts.Length == 2 ? parts[1] : null));
    }
}

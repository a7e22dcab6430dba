namespace Mailroom.Protocols.Smtp;

/// <summary>What the parser needs to know about the session.</summary>
/// <param name="MaxCommandLineLength">The base command line limit including CRLF (RFC 5321 §4.5.3.1.4: 512; 0 means 512).</param>
/// <param name="Utf8Transaction">The current transaction's MAIL carried SMTPUTF8, so RCPT paths may be UTF-8.</param>
public readonly record struct SmtpParserContext(int MaxCommandLineLength = SmtpLimits.CommandLine, bool Utf8Transaction = false);

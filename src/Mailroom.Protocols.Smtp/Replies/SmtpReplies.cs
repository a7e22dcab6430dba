using System.Globalization;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Every reply the engine sends on its own. Texts follow Exchange where reference/exchange.md §8 gives them,
/// otherwise RFC 5321 §4.2.2, RFC 4954 §6 and RFC 3463; docs/smtp.md has the table.
/// </summary>
public static class SmtpReplies
{
    public static readonly SmtpReply Ok = new(250, "2.0.0", "OK");
    public static readonly SmtpReply Resetting = new(250, "2.0.0", "Resetting");
    public static readonly SmtpReply SenderOk = new(250, "2.1.0", "Sender OK");
    public static readonly SmtpReply RecipientOk = new(250, "2.1.5", "Recipient OK");
    public static readonly SmtpReply CannotVerify = new(252, "2.1.5", "Cannot VRFY user, but will accept message and attempt delivery");
    public static readonly SmtpReply StartMailInput = SmtpReply.WithoutStatusCode(354, "Start mail input; end with <CRLF>.<CRLF>");
    public static readonly SmtpReply ReadyToStartTls = new(220, "2.0.0", "SMTP server ready");
    public static readonly SmtpReply AuthenticationSucceeded = new(235, "2.7.0", "Authentication successful");
    public static readonly SmtpReply Help = new(214, "2.0.0",
        "This server supports the following commands:", "HELO EHLO STARTTLS RCPT DATA RSET MAIL QUIT HELP AUTH BDAT");

    // Syntax (RFC 3463 X.5.x)
    public static readonly SmtpReply UnrecognizedCommand = new(500, "5.5.1", "Unrecognized command");
    public static readonly SmtpReply SyntaxError = new(500, "5.5.2", "Syntax error, command unrecognized");
    public static readonly SmtpReply BareLineFeed = new(500, "5.5.2", "Bare LF received; command lines must end with CRLF");
    public static readonly SmtpReply NulCharacter = new(500, "5.5.2", "NUL characters are not allowed in commands");
    public static readonly SmtpReply LineTooLong = new(500, "5.5.6", "Line too long");
    public static readonly SmtpReply AuthenticationLineTooLong = new(500, "5.5.6", "Authentication Exchange line is too long");
    public static readonly SmtpReply NotImplemented = new(502, "5.5.1", "Command not implemented");
    public static readonly SmtpReply InvalidSender = new(501, "5.1.7", "Invalid address");
    public static readonly SmtpReply InvalidRecipient = new(501, "5.1.3", "Invalid address");
    // RFC 6531 §3.7.4: non-ASCII address without SMTPUTF8.
    public static readonly SmtpReply Utf8AddressNotPermitted = new(553, "5.6.7", "Non-ASCII addresses require the SMTPUTF8 parameter");

    // Sequence (RFC 5321 §4.1.4, RFC 3463 X.5.1)
    public static readonly SmtpReply SendHelloFirst = new(503, "5.5.1", "Send hello first");
    public static readonly SmtpReply NeedMail = new(503, "5.5.1", "Need MAIL command");
    public static readonly SmtpReply NeedRcpt = new(503, "5.5.1", "Need RCPT command");
    public static readonly SmtpReply SenderAlreadySpecified = new(503, "5.5.1", "Sender already specified");
    public static readonly SmtpReply NotInTransaction = new(503, "5.5.1", "Command not permitted during a mail transaction");
    public static readonly SmtpReply BdatInProgress = new(503, "5.5.1", "Only BDAT, RSET, NOOP and QUIT are permitted while receiving chunks");
    public static readonly SmtpReply NoSmtpService = new(503, "5.5.1", "No SMTP service here");
    public static readonly SmtpReply AlreadyAuthenticated = new(503, "5.5.1", "Already authenticated");
    public static readonly SmtpReply TlsAlreadyActive = new(503, "5.5.1", "TLS already active");
    public static readonly SmtpReply BinaryMimeNeedsBdat = new(503, "5.5.1", "BODY=BINARYMIME requires BDAT");
    public static readonly SmtpReply SynchronizationError = new(554, "5.5.0", "SMTP synchronization error");

    // Policy and security (RFC 4954 §6, RFC 3207 §4)
    public static readonly SmtpReply AuthenticationRequired = new(530, "5.7.0", "Authentication required");
    public static readonly SmtpReply StartTlsRequired = new(530, "5.7.0", "Must issue a STARTTLS command first");
    public static readonly SmtpReply EncryptionRequired = new(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static readonly SmtpReply UnrecognizedAuthenticationType = new(504, "5.5.4", "Unrecognized authentication type");
    public static readonly SmtpReply AuthenticationCancelled = new(501, "5.7.0", "Authentication cancelled");
    public static readonly SmtpReply CannotDecodeResponse = new(501, "5.5.2", "Cannot decode response");
    public static readonly SmtpReply AuthenticationFailed = new(535, "5.7.8", "Authentication unsuccessful");
    public static readonly SmtpReply AuthenticationTemporaryFailure = new(454, "4.7.0", "Temporary authentication failure");
    public static readonly SmtpReply TlsNotAvailable = new(454, "4.7.0", "TLS not available due to temporary reason");

    // Message (RFC 1870, Exchange §8.3/§8.4)
    public static readonly SmtpReply MessageTooBig = new(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static readonly SmtpReply TooManyRecipients = new(452, "4.5.3", "Too many recipients");
    public static readonly SmtpReply BareLineFeedInMessage = new(554, "5.6.0", "Message contains bare LF line endings (RFC 5321 section 2.3.8)");
    public static readonly SmtpReply LocalError = new(451, "4.3.0", "Temporary server error. Please try again later");

    public static SmtpReply Syntax(string usage) => new(501, "5.5.4", "Syntax: " + usage);

    public static SmtpReply InvalidArgument(string text) => new(501, "5.5.4", text);

    public static SmtpReply UnsupportedParameter(string keyword) => new(555, "5.5.4", $"Unsupported parameter {keyword}");

    public static SmtpReply MessageLineTooLong(int maxLength) =>
        new(554, "5.6.0", string.Create(CultureInfo.InvariantCulture, $"Message contains a line longer than {maxLength} octets including CRLF"));

    public static SmtpReply ChunkReceived(long octets) =>
        new(250, "2.0.0", string.Create(CultureInfo.InvariantCulture, $"{octets} octets received"));

    public static SmtpReply Closing(string fqdn) => new(221, "2.0.0", $"{fqdn} Service closing transmission channel");

    public static SmtpReply Timeout(string fqdn) => new(421, "4.4.2", $"{fqdn} Timeout waiting for client input, closing transmission channel");

    public static SmtpReply SessionTimeout(string fqdn) => new(421, "4.4.2", $"{fqdn} Connection timeout exceeded, closing transmission channel");

    public static SmtpReply TooManyErrors(string fqdn) => new(421, "4.7.0", $"{fqdn} Too many errors on this connection, closing transmission channel");

    public static SmtpReply TooManyCommands(string fqdn) => new(421, "4.7.0", $"{fqdn} Too many commands on this connection, closing transmission channel");

    public static SmtpReply TooManyConnections(string fqdn) =>
        new(421, "4.3.2", $"{fqdn} The maximum number of concurrent connections has exceeded a limit, closing transmission channel");

    public static SmtpReply ServiceNotAvailable(string fqdn) => new(421, "4.3.2", $"{fqdn} Service not available, closing transmission channel");
}

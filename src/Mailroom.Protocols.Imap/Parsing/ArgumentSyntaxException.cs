namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// A command's arguments do not follow its grammar. The handler answers with a tagged BAD carrying
/// <see cref="Exception.Message"/> (and <see cref="ResponseCode"/> when RFC 5530 or an extension has one); nothing has
/// changed when it is thrown, because argument parsers run before any command does its work.
/// </summary>
public sealed class ArgumentSyntaxException(string message, string? responseCode = null, bool isRefusal = false) : Exception(message)
{
    /// <summary>
    /// True when the arguments are well-formed but refused (for example an unsupported CHARSET, RFC 9051 §6.4.4):
    /// the answer is NO rather than BAD.
    /// </summary>
    public bool IsRefusal { get; } = isRefusal;

    /// <summary>A response code such as <c>BADCHARSET (UTF-8 US-ASCII)</c>, without brackets; null for none.</summary>
    public string? ResponseCode { get; } = responseCode;
}

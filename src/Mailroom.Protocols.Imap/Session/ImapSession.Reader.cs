using Mailroom.Networking;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>What the command reader produced: a command, a protocol error to answer, or the end of input.</summary>
/// <param name="Tag">For an error: the tag to answer with, or null for an untagged <c>* BAD</c>.</param>
/// <param name="Close">For an error: the connection cannot stay in step (oversized line, unwanted non-synchronizing
/// literal) and closes after the answer.</param>
internal readonly record struct CommandRead(ImapCommand? Command, string? Tag, string? Error, string? Code, bool Close, bool EndOfInput)
{
    public static CommandRead Eof => new(null, null, null, null, true, true);

    public static CommandRead Failed(string? tag, string error, string? code = null, bool close = false) => new(null, tag, error, code, close, false);
}

/// <summary>One part of a streaming command after a streamed literal (see <see cref="ImapSession.ContinueCommandAsync"/>).</summary>
/// <param name="Tokens">Top-level tokens between the previous streamed literal and the next one (or the end).</param>
/// <param name="PendingLiteral">The next streamed literal, or null when the command is complete.</param>
/// <param name="Error">Non-null when the rest of the command broke the grammar or a limit: answer BAD with it.</param>
public sealed record ImapCommandPart(IReadOnlyList<ImapToken> Tokens, LiteralSpec? PendingLiteral, string? Error, string? Code = null);

public sealed partial class ImapSession
{
    private readonly ImapTokenizer _tokenizer = new();
    private long _commandBytes;
    private bool _commandOpen;
    private LiteralSpec? _literalPending;
    private long _literalRemaining;

    /// <summary>
    /// Reads one whole command (RFC 9051 §2.2.1): lines and literals, answering <c>+</c> to synchronizing literals,
    /// with the line, literal and command limits checked as octets arrive. Stops early at a literal the command's
    /// handler streams (APPEND's message).
    /// </summary>
    internal async ValueTask<CommandRead> ReadCommandAsync()
    {
        _tokenizer.Reset();
        _commandBytes = 0;
        _commandOpen = false;
        _literalPending = null;
        _literalRemaining = 0;
        string? tag = null;
        var first = true;
        while (true)
        {
            var timeout = State == ImapState.NotAuthenticated ? Options.LoginTimeout : Options.IdleTimeout;
            var line = await ReadLineAsync(Options.MaxLineLength, first ? timeout : Options.LiteralTimeout).ConfigureAwait(false);
            if (line.Status == LineStatus.EndOfInput)
            {
                return CommandRead.Eof;
            }

            if (line.Status == LineStatus.TooLong)
            {
                Transcript("C", "<line too long>");
                return CommandRead.Failed(tag, "Command line too long", "TOOBIG", close: true);
            }

            var span = line.Line.Span;
            Transcript("C", span);
            if (first)
            {
                tag = TagOf(span);
                first = false;
            }

            _commandBytes += span.Length + 2;
            if (_commandBytes > Options.MaxCommandSize)
            {
                return CommandRead.Failed(tag, "Command too large", "TOOBIG", close: true);
            }

            var result = (line.Defects & LineDefects.Nul) != 0
                ? TokenizeResult.Invalid("NUL octet in command", ImapTokenizer.TrailingLiteral(span))
                : _tokenizer.Feed(span);
            switch (result.Status)
            {
                case TokenizeStatus.Complete:
                    return Assemble(tag, pending: null);
                case TokenizeStatus.Invalid:
                    // A non-synchronizing literal the client already sends cannot be told from commands: close.
                    return CommandRead.Failed(tag, "Syntax error: " + result.Error, close: result.Literal is { NonSynchronizing: true });
            }

            var literal = result.Literal!.Value;
            if (tag is null)
            {
                return CommandRead.Failed(null, "Invalid tag", close: literal.NonSynchronizing);
            }

            if (_tokenizer.Depth == 0 && IsStreamed(_tokenizer.TopLevel))
            {
                return Assemble(tag, literal);
            }

            if (literal.Size > Options.MaxLiteralSize || _commandBytes + literal.Size > Options.MaxCommandSize)
            {
                // RFC 7888 §4 / RFC 9051 §7.1: refuse without "+" (the client then sends nothing more of this command);
                // a non-synchronizing one is already on its way and too big to skip: close.
                return CommandRead.Failed(tag, "Literal too large", "TOOBIG", close: literal.NonSynchronizing);
            }

            if (!literal.NonSynchronizing)
            {
                Writer.Continuation();
            }

            var octets = await ReadOctetsAsync(literal.Size).ConfigureAwait(false);
            if (octets is null)
            {
                return CommandRead.Eof;
            }

            Transcript("C", IsSecretCommand(_tokenizer.TopLevel) ? "<literal redacted>" : $"<{literal.Size} octets>");
            _tokenizer.AddLiteral(octets, literal.IsLiteral8);
            _commandBytes += literal.Size;
        }
    }

    /// <summary>
    /// For a streaming handler: opens the pending streamed literal (<see cref="ImapCommand.PendingLiteral"/> or
    /// <see cref="ImapCommandPart.PendingLiteral"/>), first sending <c>+</c> when it is synchronizing. Read the stream to
    /// its end, then call <see cref="ContinueCommandAsync"/>. To refuse a synchronizing literal instead (too big,
    /// no such mailbox), just return NO without opening it: the client then abandons the command.
    /// </summary>
    public Stream OpenLiteral()
    {
        var spec = _literalPending ?? throw new InvalidOperationException("No streamed literal is pending.");
        _literalPending = null;
        _literalRemaining = spec.Size;
        if (!spec.NonSynchronizing)
        {
            Writer.Continuation();
        }

        Transcript("C", $"<{spec.Size} octets streamed>");
        return new LiteralStream(this);
    }

    /// <summary>
    /// For a streaming handler, after reading a streamed literal: reads the rest of the command up to its end or the
    /// next top-level literal (MULTIAPPEND's next message), tokenizing everything in between.
    /// </summary>
    public async ValueTask<ImapCommandPart> ContinueCommandAsync()
    {
        if (_literalPending is not null || _literalRemaining > 0)
        {
            throw new InvalidOperationException("Read the streamed literal to its end first.");
        }

        _tokenizer.ResetTopLevel();
        while (true)
        {
            var line = await ReadLineAsync(Options.MaxLineLength, Options.LiteralTimeout).ConfigureAwait(false);
            if (line.Status != LineStatus.Complete)
            {
                _commandOpen = false;
                return new ImapCommandPart([], null, "Command line too long", "TOOBIG");
            }

            var span = line.Line.Span;
            Transcript("C", span);
            _commandBytes += span.Length + 2;
            var result = (line.Defects & LineDefects.Nul) != 0 ? TokenizeResult.Invalid("NUL octet in command") : _tokenizer.Feed(span);
            if (result.Status == TokenizeStatus.Complete)
            {
                _commandOpen = false;
                return new ImapCommandPart([.. _tokenizer.TopLevel], null, null);
            }

            if (result.Status == TokenizeStatus.Invalid || _commandBytes > Options.MaxCommandSize)
            {
                _commandOpen = false;
                return new ImapCommandPart([], null, "Syntax error: " + (result.Error ?? "command too large"));
            }

            var literal = result.Literal!.Value;
            if (_tokenizer.Depth == 0)
            {
                _literalPending = literal;
                return new ImapCommandPart([.. _tokenizer.TopLevel], literal, null);
            }

            if (literal.Size > Options.MaxLiteralSize)
            {
                _commandOpen = false;
                return new ImapCommandPart([], null, "Literal too large", "TOOBIG");
            }

            if (!literal.NonSynchronizing)
            {
                Writer.Continuation();
            }

            var octets = await ReadOctetsAsync(literal.Size).ConfigureAwait(false) ?? throw new IOException("The connection closed inside a literal.");
            _tokenizer.AddLiteral(octets, literal.IsLiteral8);
        }
    }

    /// <summary>
    /// After a streaming handler returned: consumes whatever of its command the client still sends, so the next
    /// command starts in step. False when that is not possible within the limits (the session then closes).
    /// </summary>
    internal async ValueTask<bool> FinishCommandAsync()
    {
        while (_commandOpen)
        {
            if (_literalPending is { } spec)
            {
                _literalPending = null;
                if (!spec.NonSynchronizing)
                {
                    // Never invited with "+": the client dropped the rest of the command on our tagged answer.
                    _commandOpen = false;
                    return true;
                }

                _literalRemaining = spec.Size;
            }

            if (_literalRemaining > Options.AppendLimit + Options.MaxCommandSize)
            {
                return false;
            }

            if (_literalRemaining > 0 && !await DiscardOctetsAsync(_literalRemaining).ConfigureAwait(false))
            {
                return false;
            }

            _literalRemaining = 0;
            var part = await ContinueCommandAsync().ConfigureAwait(false);
            if (part.Error is not null)
            {
                return false;
            }
        }

        return true;
    }

    private CommandRead Assemble(string? tag, LiteralSpec? pending)
    {
        var tokens = _tokenizer.TopLevel;
        if (tag is null || tokens.Count == 0 || tokens[0].Kind != ImapTokenKind.Atom)
        {
            return CommandRead.Failed(null, tokens.Count == 0 ? "Empty command line" : "Invalid tag", close: pending is { NonSynchronizing: true });
        }

        if (tokens.Count < 2 || tokens[1].Kind != ImapTokenKind.Atom)
        {
            return CommandRead.Failed(tag, "Missing command name", close: pending is { NonSynchronizing: true });
        }

        var name = tokens[1].Text.ToUpperInvariant();
        var isUid = name == "UID";
        if (isUid)
        {
            if (tokens.Count < 3 || tokens[2].Kind != ImapTokenKind.Atom)
            {
                return CommandRead.Failed(tag, "UID needs a command", close: pending is { NonSynchronizing: true });
            }

            name = tokens[2].Text.ToUpperInvariant();
        }

        var arguments = tokens.Skip(isUid ? 3 : 2).ToArray();
        if (pending is not null)
        {
            _commandOpen = true;
            _literalPending = pending;
        }

        return new CommandRead(new ImapCommand(tag, name, isUid, arguments, pending), tag, null, null, false, false);
    }

    private static bool IsStreamed(IReadOnlyList<ImapToken> topLevel)
    {
        if (topLevel.Count < 2 || topLevel[1].Kind != ImapTokenKind.Atom)
        {
            return false;
        }

        var name = topLevel[1].Text.ToUpperInvariant();
        var skip = 2;
        if (name == "UID" && topLevel.Count >= 3)
        {
            name = topLevel[2].Text.ToUpperInvariant();
            skip = 3;
        }

        return ImapCommandHandlers.TryGet(name, out var handler) && handler.StreamsLiteral(topLevel.Skip(skip).ToArray());
    }

    private static bool IsSecretCommand(IReadOnlyList<ImapToken> topLevel) =>
        topLevel.Count >= 2 && (topLevel[1].IsAtom("LOGIN") || topLevel[1].IsAtom("AUTHENTICATE"));

    /// <summary>The tag at the start of a command line, or null when it is not a valid tag (RFC 9051 §9: 1*ASTRING-CHAR except "+").</summary>
    internal static string? TagOf(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOf((byte)' ');
        var tag = end < 0 ? line : line[..end];
        if (tag.IsEmpty || tag.Length > 64)
        {
            return null;
        }

        foreach (var c in tag)
        {
            if (c is <= 0x20 or >= 0x7F or (byte)'(' or (byte)')' or (byte)'{' or (byte)'%' or (byte)'*' or (byte)'"' or (byte)'\\' or (byte)'+')
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(tag);
    }
}

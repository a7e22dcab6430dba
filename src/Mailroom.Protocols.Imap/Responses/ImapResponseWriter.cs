using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Mailroom.Networking;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap;

/// <summary>
/// Writes server responses (RFC 9051 §7) into the connection's output pipe. Whole lines go through
/// <see cref="Untagged(string)"/>, <see cref="Continuation"/> and the session's tagged completion; structured lines
/// (FETCH, LIST, STATUS) are built piece by piece: <see cref="StartUntagged"/>, then atoms, numbers, strings and lists,
/// then <see cref="EndLine"/>. The writer adds no spaces of its own except inside <see cref="StartUntagged"/>.
/// Output is batched; the session flushes before it waits for input, and long responses call
/// <see cref="FlushIfNeededAsync"/> as they go.
/// </summary>
public sealed class ImapResponseWriter
{
    /// <summary>Pending output beyond this is flushed by <see cref="FlushIfNeededAsync"/>.</summary>
    public const int FlushThreshold = 64 * 1024;

    // Strings longer than this go as literals even when they could be quoted: some clients cap quoted lengths.
    private const int MaxQuotedLength = 1024;

    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private readonly IConnectionTransport _transport;

    internal ImapResponseWriter(IConnectionTransport transport) => _transport = transport;

    /// <summary>
    /// UTF-8 may be sent in quoted strings and mailbox names (IMAP4rev2, or UTF8=ACCEPT enabled; RFC 6855 §3).
    /// Otherwise 8-bit text goes as a literal and mailbox names in modified UTF-7.
    /// </summary>
    public bool Utf8 { get; internal set; }

    private PipeWriter Output => _transport.Output;

    /// <summary>Bytes written and not flushed yet.</summary>
    public long UnflushedBytes => Output.CanGetUnflushedBytes ? Output.UnflushedBytes : 0;

    /// <summary><c>* text CRLF</c>.</summary>
    public void Untagged(string text) => StartUntagged().Text(text).EndLine();

    /// <summary><c>+ text CRLF</c> (RFC 9051 §7.5); the session flushes before it reads the client's answer.</summary>
    public void Continuation(string text = "Ready") => Ascii("+ ").Text(text).EndLine();

    /// <summary><c>tag STATUS [code] text CRLF</c>, or <c>* STATUS …</c> for a null tag.</summary>
    public void Status(string? tag, ImapStatus status, string? code, string text)
    {
        Ascii(tag ?? "*").Ascii(status switch
        {
            ImapStatus.Ok => " OK ",
            ImapStatus.No => " NO ",
            _ => " BAD ",
        });
        if (code is not null)
        {
            Ascii("[").Text(code).Ascii("] ");
        }

        Text(text.Length == 0 ? "completed" : text).EndLine();
    }

    /// <summary><c>* </c>: starts an untagged line.</summary>
    public ImapResponseWriter StartUntagged() => Ascii("* ");

    /// <summary>An atom or any protocol text the caller knows is safe (no CR/LF).</summary>
    public ImapResponseWriter Atom(string atom) => Text(atom);

    public ImapResponseWriter Space() => Raw(" "u8);

    public ImapResponseWriter OpenList() => Raw("("u8);

    public ImapResponseWriter CloseList() => Raw(")"u8);

    public ImapResponseWriter Number(long value) => Ascii(value.ToString(CultureInfo.InvariantCulture));

    public ImapResponseWriter Number(ulong value) => Ascii(value.ToString(CultureInfo.InvariantCulture));

    public ImapResponseWriter Nil() => Raw("NIL"u8);

    public ImapResponseWriter EndLine() => Raw(CrLf);

    /// <summary>nstring: NIL for null, else a quoted string or, when it cannot be quoted, a literal.</summary>
    public ImapResponseWriter String(string? value) => value is null ? Nil() : String(Encoding.UTF8.GetBytes(value));

    /// <summary>A string from raw octets: quoted when safe, else a literal.</summary>
    public ImapResponseWriter String(ReadOnlySpan<byte> value) => CanQuote(value) ? Quoted(value) : Literal(value);

    /// <summary>A mailbox name: modified UTF-7 unless <see cref="Utf8"/> (RFC 9051 §5.1, RFC 3501 §5.1.3); as an atom
    /// when it is one (<c>INBOX</c>, <c>Projects/2026</c>), else quoted or as a literal.</summary>
    public ImapResponseWriter Mailbox(string name)
    {
        var encoded = Utf8 ? name : ModifiedUtf7.Encode(name);
        return IsAstringAtom(encoded) ? Text(encoded) : String(encoded);
    }

    /// <summary>1*ASTRING-CHAR (RFC 9051 §9), and not NIL, which would read as nothing.</summary>
    private static bool IsAstringAtom(string text) =>
        text.Length > 0 && !text.Equals("NIL", StringComparison.OrdinalIgnoreCase)
        && text.All(c => c is > ' ' and < (char)0x7F && "(){%*\\\"".IndexOf(c, StringComparison.Ordinal) < 0);

    /// <summary>A quoted string; the caller has checked <see cref="CanQuote"/>.</summary>
    public ImapResponseWriter Quoted(ReadOnlySpan<byte> value)
    {
        Raw("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is (byte)'"' or (byte)'\\')
            {
                Raw(value[start..i]).Raw("\\"u8);
                start = i;
            }
        }

        return Raw(value[start..]).Raw("\""u8);
    }

    /// <summary>A literal (<c>{n}CRLF</c> and the octets) held in memory.</summary>
    public ImapResponseWriter Literal(ReadOnlySpan<byte> value, bool literal8 = false) =>
        Ascii(literal8 ? "~{" : "{").Number(value.Length).Raw("}\r\n"u8).Raw(value);

    /// <summary>
    /// A literal of <paramref name="length"/> octets copied from <paramref name="source"/> without holding it in
    /// memory (FETCH BODY[]); flushes as it goes. If the source ends early the rest is padded with spaces so the
    /// client's framing survives (the message is then logged as damaged by the caller).
    /// </summary>
    /// <returns>The octets actually copied from the source.</returns>
    public async ValueTask<long> LiteralAsync(Stream source, long length, CancellationToken cancellationToken, bool literal8 = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        Ascii(literal8 ? "~{" : "{").Number(length).Raw("}\r\n"u8);
        long copied = 0;
        while (copied < length)
        {
            var memory = Output.GetMemory(16 * 1024);
            var want = (int)Math.Min(memory.Length, length - copied);
            var read = await source.ReadAsync(memory[..want], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            Output.Advance(read);
            copied += read;
            await FlushIfNeededAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var padding = length - copied; padding > 0; padding--)
        {
            Raw(" "u8);
        }

        return copied;
    }

    /// <summary>Whether <paramref name="value"/> can go as a quoted string in this session.</summary>
    public bool CanQuote(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxQuotedLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is 0 or (byte)'\r' or (byte)'\n' || (c >= 0x80 && !Utf8))
            {
                return false;
            }
        }

        return !Utf8 || IsValidUtf8(value);
    }

    public ImapResponseWriter Raw(ReadOnlySpan<byte> bytes)
    {
        Output.Write(bytes);
        return this;
    }

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken) => Output.FlushAsync(cancellationToken);

    /// <summary>Flushes once more than <see cref="FlushThreshold"/> is pending (long FETCH/SEARCH responses).</summary>
    public async ValueTask FlushIfNeededAsync(CancellationToken cancellationToken)
    {
        if (UnflushedBytes > FlushThreshold)
        {
            await Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private ImapResponseWriter Text(string text)
    {
        Encoding.UTF8.GetBytes(text.AsSpan(), Output);
        return this;
    }

    private ImapResponseWriter Ascii(string text) => Text(text);

    private static bool IsValidUtf8(ReadOnlySpan<byte> value) => System.Text.Unicode.Utf8.IsValid(value);
}

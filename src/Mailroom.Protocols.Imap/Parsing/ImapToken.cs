using System.Text;

namespace Mailroom.Protocols.Imap.Parsing;

public enum ImapTokenKind
{
    /// <summary>
    /// An atom as sent, including any bracketed part and partial: <c>BODY.PEEK[HEADER.FIELDS (FROM TO)]&lt;0.100&gt;</c>
    /// is one atom (spaces and parentheses inside brackets belong to it, as in RFC 9051's fetch-att grammar). NIL is an atom.
    /// </summary>
    Atom,

    /// <summary>A quoted string, with its escapes already removed.</summary>
    Quoted,

    /// <summary>A synchronizing or non-synchronizing literal (RFC 7888), or a literal8 (<c>~{n}</c>), with its bytes.</summary>
    Literal,

    /// <summary>A parenthesized list; <see cref="ImapToken.Items"/> holds its members.</summary>
    List,
}

/// <summary>
/// One argument of a parsed IMAP command. The command reader turns a whole command line (with its literals) into a
/// list of these, so each command's own parser works on tokens and never on raw bytes. APPEND's message literal is the
/// exception: it streams to the store and never becomes a token.
/// </summary>
public sealed class ImapToken
{
    private ImapToken(ImapTokenKind kind, ReadOnlyMemory<byte> bytes, IReadOnlyList<ImapToken> items, bool isLiteral8)
    {
        Kind = kind;
        Bytes = bytes;
        Items = items;
        IsLiteral8 = isLiteral8;
    }

    public ImapTokenKind Kind { get; }

    /// <summary>The atom's, string's or literal's bytes; empty for a list.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>A list's members; empty for anything else.</summary>
    public IReadOnlyList<ImapToken> Items { get; }

    /// <summary>True for RFC 3516's <c>~{n}</c> literal8, which may hold NUL bytes.</summary>
    public bool IsLiteral8 { get; }

    public bool IsString => Kind is ImapTokenKind.Quoted or ImapTokenKind.Literal;

    public bool IsNil => Kind == ImapTokenKind.Atom && Text.Equals("NIL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bytes as UTF-8 text (IMAP4rev2 and UTF8=ACCEPT allow UTF-8 in strings).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.Span);

    public static ImapToken Atom(string text) => new(ImapTokenKind.Atom, Encoding.UTF8.GetBytes(text), [], false);

    public static ImapToken Atom(ReadOnlyMemory<byte> bytes) => new(ImapTokenKind.Atom, bytes, [], false);

    public static ImapToken Quoted(string text) => new(ImapTokenKind.Quoted, Encoding.UTF8.GetBytes(text), [], false);

    public static ImapToken Quoted(ReadOnlyMemory<byte> bytes) => new(ImapTokenKind.Quoted, bytes, [], false);

    public static ImapToken Literal(ReadOnlyMemory<byte> bytes, bool isLiteral8 = false) => new(ImapTokenKind.Literal, bytes, [], isLiteral8);

    public static ImapToken List(IReadOnlyList<ImapToken> items) => new(ImapTokenKind.List, ReadOnlyMemory<byte>.Empty, items, false);

    /// <summary>True if this is an atom equal to <paramref name="word"/>, ignoring ASCII case.</summary>
    public bool IsAtom(string word) => Kind == ImapTokenKind.Atom && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind switch
    {
        ImapTokenKind.List => "(" + string.Join(' ', Items) + ")",
        ImapTokenKind.Quoted => "\"" + Text + "\"",
        ImapTokenKind.Literal => "{" + Bytes.Length + "}",
        _ => Text,
    };
}

using System.Globalization;
using System.Text;

namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// Walks a command's arguments (or a list's items) left to right for a handler's own parser. Each <c>TryX</c> either
/// consumes one token and returns true, or consumes nothing and returns false; the handler then answers BAD.
/// </summary>
public sealed class ImapArgumentReader(IReadOnlyList<ImapToken> tokens)
{
    private int _position;

    public bool AtEnd => _position >= tokens.Count;

    public int Remaining => tokens.Count - _position;

    /// <summary>The next token without consuming it, or null at the end.</summary>
    public ImapToken? Peek => AtEnd ? null : tokens[_position];

    /// <summary>Any next token.</summary>
    public bool TryToken(out ImapToken token)
    {
        token = AtEnd ? ImapToken.Atom("NIL") : tokens[_position];
        return Advance(!AtEnd);
    }

    /// <summary>An atom (not a string, not a list).</summary>
    public bool TryAtom(out string atom)
    {
        atom = Peek is { Kind: ImapTokenKind.Atom } t ? t.Text : string.Empty;
        return Advance(atom.Length > 0);
    }

    /// <summary>The atom <paramref name="word"/>, ignoring case.</summary>
    public bool TryKeyword(string word) => Advance(Peek?.IsAtom(word) == true);

    /// <summary>RFC 9051 astring: an atom or a string, as UTF-8 text.</summary>
    public bool TryAString(out string value)
    {
        value = Peek is { Kind: ImapTokenKind.Atom or ImapTokenKind.Quoted or ImapTokenKind.Literal } t ? t.Text : string.Empty;
        return Advance(Peek is { Kind: not ImapTokenKind.List });
    }

    /// <summary>RFC 9051 string: a quoted string or a literal (no atom).</summary>
    public bool TryString(out ImapToken value)
    {
        value = Peek ?? ImapToken.Atom("NIL");
        return Advance(Peek is { IsString: true });
    }

    /// <summary>nstring: a string or NIL (null).</summary>
    public bool TryNString(out string? value)
    {
        value = Peek is { IsString: true } t ? t.Text : null;
        return Advance(Peek is { IsString: true } || Peek?.IsNil == true);
    }

    /// <summary>A parenthesized list; its items are read with another reader.</summary>
    public bool TryList(out IReadOnlyList<ImapToken> items)
    {
        items = Peek is { Kind: ImapTokenKind.List } t ? t.Items : [];
        return Advance(Peek is { Kind: ImapTokenKind.List });
    }

    /// <summary>RFC 9051 number (32-bit, no sign).</summary>
    public bool TryNumber(out uint value)
    {
        value = 0;
        return Advance(Peek is { Kind: ImapTokenKind.Atom } t && IsDigits(t.Bytes.Span)
            && uint.TryParse(t.Bytes.Span, NumberStyles.None, CultureInfo.InvariantCulture, out value));
    }

    /// <summary>RFC 9051 number64 (mod-sequence values, RFC 7162; at most 2^63-1).</summary>
    public bool TryNumber64(out ulong value)
    {
        value = 0;
        return Advance(Peek is { Kind: ImapTokenKind.Atom } t && IsDigits(t.Bytes.Span)
            && ulong.TryParse(t.Bytes.Span, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= long.MaxValue);
    }

    /// <summary>A sequence-set (or UID set) atom, or <c>$</c>.</summary>
    public bool TrySequenceSet(out SequenceSet set)
    {
        set = SequenceSet.SavedResult;
        return Advance(Peek is { Kind: ImapTokenKind.Atom } t && SequenceSet.TryParse(t.Text, out set));
    }

    /// <summary>A mailbox name (astring), decoded from modified UTF-7 unless the session uses UTF-8 (RFC 9051 §5.1.3, RFC 6855 §3).</summary>
    public bool TryMailbox(bool utf8, out string name)
    {
        name = string.Empty;
        if (Peek is not { Kind: not ImapTokenKind.List } t)
        {
            return false;
        }

        var raw = t.Text;
        if (!utf8 && !Encoding.ASCII.GetString(t.Bytes.Span).Equals(raw, StringComparison.Ordinal))
        {
            // An IMAP4rev1 client that did not enable UTF8=ACCEPT sends ASCII; take UTF-8 anyway (clients get this wrong).
            name = raw;
        }
        else if (!utf8 && ModifiedUtf7.TryDecode(raw, out var decoded))
        {
            name = decoded;
        }
        else
        {
            name = raw;
        }

        _position++;
        return true;
    }

    private bool Advance(bool ok)
    {
        if (ok)
        {
            _position++;
        }

        return ok;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }
}

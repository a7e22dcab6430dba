namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// What a body section FETCH returns: NIL, a byte range of the stored message (streamed from the blob, never read
/// whole), or bytes built in memory (header field subsets, decoded BINARY parts).
/// </summary>
public sealed class SectionContent
{
    private readonly Stream? source;
    private readonly long offset;
    private readonly ReadOnlyMemory<byte> bytes;

    private SectionContent(Stream? source, long offset, long length, ReadOnlyMemory<byte> bytes, bool isNil)
    {
        this.source = source;
        this.offset = offset;
        this.bytes = bytes;
        Length = length;
        IsNil = isNil;
    }

    public static SectionContent Nil { get; } = new(null, 0, 0, ReadOnlyMemory<byte>.Empty, true);

    public static SectionContent Empty { get; } = new(null, 0, 0, ReadOnlyMemory<byte>.Empty, false);

    public bool IsNil { get; }

    public long Length { get; }

    /// <summary>Whether the content contains NUL, which only a literal8 may carry (RFC 3516 §4.2); known for memory content only.</summary>
    public bool HasNul => !bytes.IsEmpty && bytes.Span.Contains((byte)0);

    public static SectionContent Range(Stream source, long offset, long length) =>
        length <= 0 ? Empty : new(source, offset, length, ReadOnlyMemory<byte>.Empty, false);

    public static SectionContent Memory(ReadOnlyMemory<byte> bytes) => new(null, 0, bytes.Length, bytes, false);

    /// <summary>Applies RFC 9051's partial: octets from origin, at most length; an origin past the end gives an empty string.</summary>
    public SectionContent Slice(PartialRange? partial)
    {
        if (partial is not { } p || IsNil)
        {
            return this;
        }

        if (p.Origin >= Length)
        {
            return Empty;
        }

        var length = Math.Min(p.Length, Length - p.Origin);
        return source is not null
            ? Range(source, offset + p.Origin, length)
            : Memory(bytes.Slice((int)p.Origin, (int)length));
    }

    /// <summary>Writes the content as a literal (<c>{n}</c> CRLF octets, or literal8), streaming ranges from the blob.</summary>
    public async ValueTask WriteLiteralAsync(ImapResponseWriter writer, bool literal8, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            writer.Literal(bytes.Span, literal8);
            return;
        }

        source.Position = offset;
        await writer.LiteralAsync(source, Length, cancellationToken, literal8).ConfigureAwait(false);
    }

    public async Task<byte[]> ToArrayAsync(CancellationToken cancellationToken = default)
    {
        if (source is null)
        {
            return bytes.ToArray();
        }

        var buffer = new byte[Length];
        source.Position = offset;
        await source.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}

using System.Security.Cryptography;

namespace Mailroom.Mailboxes.Blobs;

/// <summary>
/// A message body's name: the SHA-256 of its bytes in lowercase hex. Equal bodies get one id, which is how one
/// message delivered to many recipients is stored once.
/// </summary>
public readonly record struct BlobId
{
    public const int HexLength = SHA256.HashSizeInBytes * 2;

    private readonly string? hex;

    private BlobId(string hex) => this.hex = hex;

    public string Hex => hex ?? throw new InvalidOperationException("An uninitialized BlobId has no value.");

    public static BlobId FromHash(ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("A blob id is a SHA-256 hash.", nameof(sha256));
        }

        return new BlobId(Convert.ToHexStringLower(sha256));
    }

    public static BlobId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a blob id (64 lowercase hex digits).");

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static bool TryParse(string? text, out BlobId id)
    {
        id = default;
        // A span search rather than LINQ: every fetched row parses one (FETCH over a large folder).
        if (text is null || text.Length != HexLength || text.AsSpan().ContainsAnyExcept(LowerHex))
        {
            return false;
        }

        id = new BlobId(text);
        return true;
    }

    public override string ToString() => hex ?? string.Empty;
}

using System.Security.Cryptography;
using Mailroom.Directory.Certificates;
using Mailroom.Server.Hosting;

namespace Mailroom.Server.Certificates;

/// <summary>
/// Encrypts certificate private keys with AES-256-GCM under a 32-byte key in <c>&lt;DataPath&gt;/certificates/node.key</c>,
/// made on first start and readable only by the service user (0600). The directory (SQLite file or PostgreSQL, and
/// their backups) holds only ciphertext; whoever has the key file and the store has the keys, so back the key file
/// up separately (docs/certificates.md). Format: version byte 1, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class NodeKeyProtector : ICertificateKeyProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    private NodeKeyProtector(byte[] key) => this.key = key;

    public static NodeKeyProtector LoadOrCreate(string dataPath)
    {
        var folder = Path.Combine(dataPath, "certificates");
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "node.key");
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            return existing.Length == 32 ? new NodeKeyProtector(existing)
                : throw new InvalidDataException($"{path} isn't a node key (32 bytes). Restore it from a backup; without it the stored private keys can't be read.");
        }

        var created = RandomNumberGenerator.GetBytes(32);
        PrivateFile.Write(path, created);
        return new NodeKeyProtector(created);
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), [Version]);
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData)
    {
        if (protectedData.Length < 1 + NonceSize + TagSize || protectedData[0] != Version)
        {
            throw new CryptographicException("The protected key isn't in the node key format.");
        }

        var plaintext = new byte[protectedData.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(protectedData.Slice(1, NonceSize), protectedData[(1 + NonceSize + TagSize)..], protectedData.Slice(1 + NonceSize, TagSize), plaintext, [Version]);
        return plaintext;
    }
}

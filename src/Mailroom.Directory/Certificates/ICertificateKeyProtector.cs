namespace Mailroom.Directory.Certificates;

/// <summary>
/// Encrypts certificate private keys before they go into the directory and decrypts them for the node's listeners.
/// The node supplies it (a key file readable only by the service user, see docs/certificates.md), so the directory
/// store, its backups and its replicas never hold a private key in clear.
/// </summary>
public interface ICertificateKeyProtector
{
    byte[] Protect(ReadOnlySpan<byte> plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the data wasn't protected with this node's key.</summary>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData);
}

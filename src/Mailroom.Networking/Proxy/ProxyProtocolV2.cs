using System.Buffers;
using System.Buffers.Binary;
using System.Net;

namespace Mailroom.Networking.Proxy;

public enum ProxyHeaderStatus
{
    NeedMore,
    Done,
    Invalid,
}

/// <summary>
/// The outcome of parsing a PROXY protocol v2 header. <see cref="Source"/> is the real client when the balancer
/// relayed a connection (command PROXY over TCP/UDP); it is null for LOCAL (the balancer's own health check) and for
/// address families without IP addresses, where the connection keeps its own endpoints.
/// </summary>
public readonly record struct ProxyHeaderResult(ProxyHeaderStatus Status, long Consumed, IPEndPoint? Source, IPEndPoint? Destination, string? Error)
{
    public static ProxyHeaderResult NeedMore { get; } = new(ProxyHeaderStatus.NeedMore, 0, null, null, null);

    public static ProxyHeaderResult Invalid(string error) => new(ProxyHeaderStatus.Invalid, 0, null, null, error);
}

/// <summary>
/// Parses the binary PROXY protocol header, version 2 (HAProxy's proxy-protocol.txt §2.2): a 12-byte signature, a
/// version/command byte, an address family/transport byte, a 16-bit big-endian length, then the addresses and TLVs.
/// A synchronous function over the bytes received so far; no I/O.
/// </summary>
public static class ProxyProtocolV2
{
    /// <summary>Longer headers aren't sent by balancers in practice; refusing them bounds what a connection may buffer.</summary>
    public const int MaxAddressBlockLength = 2048;

    private const int FixedLength = 16;

    public static ReadOnlySpan<byte> Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    public static ProxyHeaderResult Parse(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[FixedLength];
        var available = (int)Math.Min(buffer.Length, FixedLength);
        buffer.Slice(0, available).CopyTo(head);
        var signatureBytes = Math.Min(available, Signature.Length);
        if (!head[..signatureBytes].SequenceEqual(Signature[..signatureBytes]))
        {
            return ProxyHeaderResult.Invalid("the connection didn't start with a PROXY protocol v2 signature");
        }

        if (available < FixedLength)
        {
            return ProxyHeaderResult.NeedMore;
        }

        var version = head[12] >> 4;
        var command = head[12] & 0x0F;
        if (version != 2)
        {
            return ProxyHeaderResult.Invalid($"PROXY protocol version {version} isn't 2");
        }

        if (command > 1)
        {
            return ProxyHeaderResult.Invalid($"PROXY protocol command {command} is neither LOCAL (0) nor PROXY (1)");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(head[14..16]);
        if (length > MaxAddressBlockLength)
        {
            return ProxyHeaderResult.Invalid($"PROXY protocol header of {length} bytes is longer than {MaxAddressBlockLength}");
        }

        if (buffer.Length < FixedLength + length)
        {
            return ProxyHeaderResult.NeedMore;
        }

        var total = FixedLength + length;
        if (command == 0)
        {
            return new ProxyHeaderResult(ProxyHeaderStatus.Done, total, null, null, null); // LOCAL: keep the real endpoints
        }

        var family = head[13] >> 4;
        var transport = head[13] & 0x0F;
        var addressLength = family switch { 1 => 4, 2 => 16, _ => 0 };
        if (addressLength == 0 || transport is not (1 or 2))
        {
            return new ProxyHeaderResult(ProxyHeaderStatus.Done, total, null, null, null); // UNSPEC or UNIX: nothing to apply
        }

        var needed = (2 * addressLength) + 4;
        if (length < needed)
        {
            return ProxyHeaderResult.Invalid($"PROXY protocol address block of {length} bytes is shorter than the {needed} its family needs");
        }

        Span<byte> block = stackalloc byte[needed];
        buffer.Slice(FixedLength, needed).CopyTo(block);
        var source = new IPAddress(block[..addressLength]);
        var destination = new IPAddress(block.Slice(addressLength, addressLength));
        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(block.Slice(2 * addressLength, 2));
        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(block.Slice((2 * addressLength) + 2, 2));
        return new ProxyHeaderResult(ProxyHeaderStatus.Done, total, new IPEndPoint(source, sourcePort), new IPEndPoint(destination, destinationPort), null);
    }
}

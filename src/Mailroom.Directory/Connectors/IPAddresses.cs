using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mailroom.Directory.Connectors;

/// <summary>Address helpers shared by <see cref="IPRange"/> and <see cref="IPBinding"/>.</summary>
public static partial class IPAddresses
{
    /// <summary>
    /// An IPv4 address reached through a dual-stack socket arrives as <c>::ffff:a.b.c.d</c>; connectors and ranges
    /// are written in IPv4, so every address is compared in its IPv4 form.
    /// </summary>
    public static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// Parses an address strictly: IPv4 only as four decimal octets (the shorthand <c>10.1</c> that
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also takes is a typo here, not an address), IPv6 without
    /// a zone index (a connector isn't tied to one interface's link-local scope).
    /// </summary>
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        text = text.Trim();
        var looksRight = text.Contains(':') ? !text.Contains('%') : DottedQuad().IsMatch(text);
        if (!looksRight || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = Normalize(parsed);
        return true;
    }

    public static bool IsWildcard(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>The address as a number (32 bits for IPv4, 128 for IPv6), so ranges compare by arithmetic.</summary>
    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress FromNumber(UInt128 number, AddressFamily family)
    {
        if (family == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(v4, (uint)number);
            return new IPAddress(v4);
        }

        Span<byte> v6 = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(v6, number);
        return new IPAddress(v6);
    }

    public static int BitsOf(AddressFamily family) => family == AddressFamily.InterNetwork ? 32 : 128;

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex DottedQuad();
}

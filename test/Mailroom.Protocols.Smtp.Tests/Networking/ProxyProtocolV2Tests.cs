using System.Buffers;
using System.Net;
using FsCheck.Xunit;
using Mailroom.Networking.Proxy;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>The PROXY protocol v2 header parser (HAProxy's proxy-protocol.txt §2.2), table-driven and fuzzed.</summary>
public sealed class ProxyProtocolV2Tests
{
    private static readonly byte[] Signature = ProxyProtocolV2.Signature.ToArray();

    /// <summary>A header: signature, version 2 + command, family/transport, length, address block, then protocol bytes.</summary>
    private static byte[] Header(byte command, byte family, byte[] block, string after = "") =>
        [.. Signature, (byte)(0x20 | command), family, (byte)(block.Length >> 8), (byte)block.Length, .. block, .. System.Text.Encoding.ASCII.GetBytes(after)];

    private static readonly byte[] Ipv4Block = [192, 0, 2, 7, 10, 0, 0, 5, 0xC3, 0x50, 0x00, 0x19]; // 192.0.2.7:50000 -> 10.0.0.5:25

    public static TheoryData<string, byte[], ProxyHeaderStatus, string?, long> Cases() => new()
    {
        { "TCP over IPv4", Header(1, 0x11, Ipv4Block, "EHLO x\r\n"), ProxyHeaderStatus.Done, "192.0.2.7:50000", 28 },
        { "TCP over IPv6 with a TLV", Header(1, 0x21, [.. IPAddress.Parse("2001:db8::1").GetAddressBytes(), .. IPAddress.Parse("2001:db8::2").GetAddressBytes(), 0x01, 0xBB, 0x01, 0xBB, 0x04, 0x00, 0x01, 0x00]), ProxyHeaderStatus.Done, "[2001:db8::1]:443", 56 },
        { "LOCAL (a health check) keeps the real endpoints", Header(0, 0x00, []), ProxyHeaderStatus.Done, null, 16 },
        { "UNSPEC family", Header(1, 0x00, [1, 2, 3]), ProxyHeaderStatus.Done, null, 19 },
        { "UNIX socket family", Header(1, 0x31, new byte[216]), ProxyHeaderStatus.Done, null, 232 },
        { "only part of the signature yet", Signature[..5], ProxyHeaderStatus.NeedMore, null, 0 },
        { "only the fixed part yet", Header(1, 0x11, Ipv4Block)[..16], ProxyHeaderStatus.NeedMore, null, 0 },
        { "half the addresses yet", Header(1, 0x11, Ipv4Block)[..22], ProxyHeaderStatus.NeedMore, null, 0 },
        { "a protocol greeting instead", "EHLO client\r\n"u8.ToArray(), ProxyHeaderStatus.Invalid, null, 0 },
        { "a PROXY v1 text header", "PROXY TCP4 192.0.2.7 10.0.0.5 50000 25\r\n"u8.ToArray(), ProxyHeaderStatus.Invalid, null, 0 },
        { "a TLS ClientHello", [0x16, 0x03, 0x01, 0x02, 0x00], ProxyHeaderStatus.Invalid, null, 0 },
        { "version 1 in the binary header", [.. Signature, 0x11, 0x11, 0, 12, .. Ipv4Block], ProxyHeaderStatus.Invalid, null, 0 },
        { "an unknown command", [.. Signature, 0x2F, 0x11, 0, 12, .. Ipv4Block], ProxyHeaderStatus.Invalid, null, 0 },
        { "an address block too short for IPv4", Header(1, 0x11, Ipv4Block[..8]), ProxyHeaderStatus.Invalid, null, 0 },
        { "a length over the limit", [.. Signature, 0x21, 0x11, 0xFF, 0xFF], ProxyHeaderStatus.Invalid, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(string because, byte[] input, ProxyHeaderStatus status, string? source, long consumed)
    {
        var result = ProxyProtocolV2.Parse(new ReadOnlySequence<byte>(input));
        Assert.True(status == result.Status, $"{because}: {result.Status} ({result.Error})");
        Assert.Equal(source, result.Source?.ToString());
        Assert.Equal(consumed, result.Consumed);
        Assert.Equal(status == ProxyHeaderStatus.Invalid, result.Error is not null);
    }

    [Fact]
    public void AHeaderSplitAcrossSegmentsParsesAsOne()
    {
        var bytes = Header(1, 0x11, Ipv4Block, "rest");
        var first = new Segment(bytes.AsMemory(0, 7));
        var last = first.Append(bytes.AsMemory(7, 9)).Append(bytes.AsMemory(16));
        var result = ProxyProtocolV2.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        Assert.Equal(ProxyHeaderStatus.Done, result.Status);
        Assert.Equal(IPAddress.Parse("10.0.0.5"), result.Destination!.Address);
        Assert.Equal(25, result.Destination.Port);
    }

    [Property(MaxTest = 3000)]
    public void NeverThrowsAndConsumesOnlyWhatItHas(byte[] tail, byte command, byte family, bool withSignature)
    {
        var input = withSignature ? [.. Signature, command, family, .. tail] : tail;
        var result = ProxyProtocolV2.Parse(new ReadOnlySequence<byte>(input));
        Assert.InRange(result.Consumed, 0, input.Length);
        Assert.Equal(result.Status == ProxyHeaderStatus.Done, result.Consumed >= 16);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}

using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mailroom.Protocols.Smtp.Tests;

/// <summary>Dot-stuffing then unstuffing returns the body, however the wire bytes are cut into buffers.</summary>
public sealed class DotUnstufferPropertyTests
{
    // Bytes biased towards the ones that matter: dots, CR, LF.
    private static readonly Gen<byte[]> Bodies =
        Gen.Frequency(
            (4, Gen.Elements((byte)'.', (byte)'\r', (byte)'\n')),
            (2, Gen.Elements((byte)'a', (byte)' ')),
            (1, Gen.Choose(0, 255).Select(i => (byte)i)))
        .ArrayOf();

    private static readonly Gen<int[]> Cuts = Gen.Choose(1, 40).ArrayOf();

    [Property(MaxTest = 1000)]
    public Property Round_trips_for_random_bodies_and_chunkings() =>
        Prop.ForAll(Bodies.ToArbitrary(), Cuts.ToArbitrary(), Arb.From(Gen.Elements(true, false)), (raw, cuts, asSegments) =>
        {
            var body = EndWithCrLf(raw);
            var wire = Stuff(body).Concat(".\r\nNEXT"u8.ToArray()).ToArray();
            var chunks = Cut(wire, cuts);
            var (done, output, consumed) = asSegments ? RunAsSegments(chunks) : RunAsCalls(chunks);
            Assert.True(done);
            Assert.Equal(body, output);
            Assert.Equal(wire.Length - 4, consumed);
        });

    private static byte[] EndWithCrLf(byte[] body) =>
        body.Length == 0 || body.AsSpan().EndsWith("\r\n"u8) ? body : [.. body, (byte)'\r', (byte)'\n'];

    /// <summary>RFC 5321 §4.5.2: a line starting with "." gets another "."; lines start after CRLF only.</summary>
    private static byte[] Stuff(byte[] body)
    {
        var wire = new List<byte>(body.Length + 8);
        for (var i = 0; i < body.Length; i++)
        {
            var lineStart = i == 0 || (i >= 2 && body[i - 2] == '\r' && body[i - 1] == '\n');
            if (lineStart && body[i] == '.')
            {
                wire.Add((byte)'.');
            }

            wire.Add(body[i]);
        }

        return [.. wire];
    }

    private static List<byte[]> Cut(byte[] wire, int[] cuts)
    {
        var chunks = new List<byte[]>();
        var position = 0;
        foreach (var size in cuts.Append(int.MaxValue))
        {
            if (position >= wire.Length)
            {
                break;
            }

            var length = Math.Min(size, wire.Length - position);
            chunks.Add(wire[position..(position + length)]);
            position += length;
        }

        return chunks;
    }

    private static (bool, byte[], long) RunAsCalls(List<byte[]> chunks)
    {
        var decoder = new DotUnstuffer();
        var output = new ArrayBufferWriter<byte>();
        long consumed = 0;
        foreach (var chunk in chunks)
        {
            var input = new ReadOnlySequence<byte>(chunk);
            var done = decoder.Process(input, output, out var position);
            consumed += input.Slice(0, position).Length;
            if (done)
            {
                return (true, output.WrittenSpan.ToArray(), consumed);
            }
        }

        return (false, output.WrittenSpan.ToArray(), consumed);
    }

    private static (bool, byte[], long) RunAsSegments(List<byte[]> chunks)
    {
        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        var input = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        var output = new ArrayBufferWriter<byte>();
        var done = new DotUnstuffer().Process(input, output, out var position);
        return (done, output.WrittenSpan.ToArray(), input.Slice(0, position).Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

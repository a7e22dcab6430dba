using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailroom.Testing;

/// <summary>
/// A tiny authoritative DNS server on a loopback UDP port that answers MX and A queries from fixed tables
/// (RFC 1035 §4), so MX routing can be tested without the network. Unknown names get NXDOMAIN.
/// </summary>
public sealed class LoopbackDnsServer : IAsyncDisposable
{
    private readonly UdpClient socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LoopbackDnsServer()
    {
        loop = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)socket.Client.LocalEndPoint!;

    /// <summary>MX records by domain: (preference, exchange host).</summary>
    public Dictionary<string, List<(ushort Preference, string Host)>> Mx { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<IPAddress>> A { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Queries { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var request = await socket.ReceiveAsync(stop.Token);
            Queries++;
            if (Answer(request.Buffer) is { } response)
            {
                await socket.SendAsync(response, request.RemoteEndPoint, stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12)
        {
            return null;
        }

        var offset = 12;
        var name = ReadName(query, ref offset);
        if (name is null || offset + 4 > query.Length)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset));
        var question = query.AsSpan(12, offset + 4 - 12);
        var answers = new List<byte[]>();
        var known = Mx.ContainsKey(name) || A.ContainsKey(name);
        if (type == 15 && Mx.TryGetValue(name, out var exchangers))
        {
            answers.AddRange(exchangers.Select(mx => Record(15, [.. BigEndian(mx.Preference), .. EncodeName(mx.Host)])));
        }
        else if (type == 1 && A.TryGetValue(name, out var addresses))
        {
            answers.AddRange(addresses.Select(a => Record(1, a.GetAddressBytes())));
        }

        var response = new List<byte>();
        response.AddRange(query.AsSpan(0, 2).ToArray());                         // same id
        response.AddRange(BigEndian((ushort)(0x8580 | (known ? 0 : 3))));       // QR, AA, RD, RA; NXDOMAIN if unknown
        response.AddRange(BigEndian(1));
        response.AddRange(BigEndian((ushort)answers.Count));
        response.AddRange(BigEndian(0));
        response.AddRange(BigEndian(0));
        response.AddRange(question.ToArray());
        foreach (var answer in answers)
        {
            response.AddRange(answer);
        }

        return [.. response];
    }

    private static byte[] Record(ushort type, byte[] data) =>
        [0xC0, 0x0C, .. BigEndian(type), .. BigEndian(1), 0, 0, 0, 60, .. BigEndian((ushort)data.Length), .. data];

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static string? ReadName(byte[] data, ref int offset)
    {
        var labels = new List<string>();
        while (offset < data.Length)
        {
            var length = data[offset++];
            if (length == 0)
            {
                return string.Join('.', labels);
            }

            if (length > 63 || offset + length > data.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(data, offset, length));
            offset += length;
        }

        return null;
    }
}

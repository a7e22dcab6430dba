using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ImapBench;

/// <summary>One response from the server: its text with each literal left as its "{n}" marker, and the literals.</summary>
internal sealed record ImapResponse(string Text, IReadOnlyList<byte[]> Literals)
{
    public bool IsTagged(string tag) => Text.StartsWith(tag + " ", StringComparison.Ordinal);

    /// <summary>The second word: OK, NO or BAD for a completion.</summary>
    public string Status => Text.Split(' ', 3) is [_, var status, ..] ? status : string.Empty;

    public bool IsOk(string tag) => Text.StartsWith(tag + " OK", StringComparison.Ordinal);
}

/// <summary>
/// A blocking IMAP client over a raw socket, so that each server receives exactly the same bytes and the time measured
/// is the server's plus one loopback round trip, not a client library's. Literals in responses (RFC 9051 §4.3) are read
/// by their announced length; synchronizing literals in commands wait for the server's "+" (RFC 9051 §7.5).
/// </summary>
internal sealed class ImapConnection : IDisposable
{
    private readonly Socket socket;
    private Stream stream;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private int nextTag;

    private ImapConnection(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    public string Greeting { get; private set; } = string.Empty;

    public static ImapConnection Open(string host, int port, bool startTls)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(host, port);
        var connection = new ImapConnection(socket);
        connection.Greeting = connection.ReadResponse(keepLiterals: false).Text;
        if (!connection.Greeting.StartsWith("* OK", StringComparison.Ordinal))
        {
            throw new ImapException($"greeting: {connection.Greeting}");
        }

        if (startTls)
        {
            connection.Expect("STARTTLS");
            var tls = new SslStream(connection.stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            tls.AuthenticateAsClient(host);
            connection.stream = tls;
        }

        return connection;
    }

    public string NextTag() => "B" + (++nextTag).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends a command and returns the tagged completion; every untagged response goes to <paramref name="untagged"/>.</summary>
    public ImapResponse Execute(string command, Action<ImapResponse>? untagged = null, bool keepLiterals = false)
    {
        var tag = NextTag();
        Send(Encoding.ASCII.GetBytes($"{tag} {command}\r\n"));
        return ReadUntilTagged(tag, untagged, keepLiterals);
    }

    /// <summary>Executes and throws unless the server answers OK.</summary>
    public ImapResponse Expect(string command, Action<ImapResponse>? untagged = null, bool keepLiterals = false)
    {
        var completion = Execute(command, untagged, keepLiterals);
        var tag = completion.Text[..completion.Text.IndexOf(' ')];
        return completion.IsOk(tag) ? completion : throw new ImapException($"{command.Split(' ')[0]}: {completion.Text}");
    }

    /// <summary>A command whose last argument is a synchronizing literal: waits for "+" before sending it.</summary>
    public ImapResponse ExecuteWithLiteral(string commandPrefix, ReadOnlySpan<byte> literal)
    {
        var tag = NextTag();
        Send(Encoding.ASCII.GetBytes($"{tag} {commandPrefix} {{{literal.Length}}}\r\n"));
        while (true)
        {
            var response = ReadResponse(keepLiterals: false);
            if (response.Text.StartsWith('+'))
            {
                break;
            }

            if (response.IsTagged(tag))
            {
                return response;
            }
        }

        var payload = new byte[literal.Length + 2];
        literal.CopyTo(payload);
        payload[^2] = (byte)'\r';
        payload[^1] = (byte)'\n';
        Send(payload);
        return ReadUntilTagged(tag, null, keepLiterals: false);
    }

    /// <summary>LOGOUT (RFC 9051 §6.1.3): the server says BYE, then OK, then closes.</summary>
    public void Logout()
    {
        var tag = NextTag();
        Send(Encoding.ASCII.GetBytes($"{tag} LOGOUT\r\n"));
        try
        {
            while (!ReadResponse(keepLiterals: false).IsTagged(tag))
            {
            }
        }
        catch (ImapException)
        {
            // Closed straight after BYE: also a logout.
        }
    }

    /// <summary>Starts IDLE (RFC 2177) and returns once the server has said "+"; the connection is left idling.</summary>
    public void StartIdle()
    {
        var tag = NextTag();
        Send(Encoding.ASCII.GetBytes($"{tag} IDLE\r\n"));
        while (true)
        {
            var response = ReadResponse(keepLiterals: false);
            if (response.Text.StartsWith('+'))
            {
                return;
            }

            if (response.IsTagged(tag))
            {
                throw new ImapException($"IDLE: {response.Text}");
            }
        }
    }

    private ImapResponse ReadUntilTagged(string tag, Action<ImapResponse>? untagged, bool keepLiterals)
    {
        while (true)
        {
            var response = ReadResponse(keepLiterals);
            if (response.IsTagged(tag))
            {
                return response;
            }

            if (response.Text.StartsWith("* BYE", StringComparison.Ordinal))
            {
                throw new ImapException($"server closed: {response.Text}");
            }

            untagged?.Invoke(response);
        }
    }

    private void Send(byte[] bytes) => stream.Write(bytes);

    /// <summary>Reads one response: a line, and while it ends in a literal marker, the literal and the line's rest.</summary>
    private ImapResponse ReadResponse(bool keepLiterals)
    {
        var text = new StringBuilder();
        List<byte[]>? literals = null;
        while (true)
        {
            var line = ReadLine();
            text.Append(Encoding.Latin1.GetString(line));
            var length = LiteralLength(line);
            if (length < 0)
            {
                return new ImapResponse(text.ToString(), literals ?? (IReadOnlyList<byte[]>)Array.Empty<byte[]>());
            }

            var literal = ReadExactly(length, keepLiterals);
            if (keepLiterals)
            {
                (literals ??= []).Add(literal!);
            }
        }
    }

    /// <summary>The n of a line ending in "{n}" or "{n+}", or -1.</summary>
    private static int LiteralLength(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[^1] != (byte)'}')
        {
            return -1;
        }

        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return -1;
        }

        var digits = line[(open + 1)..^1];
        if (digits.Length > 0 && digits[^1] == (byte)'+')
        {
            digits = digits[..^1];
        }

        return int.TryParse(Encoding.ASCII.GetString(digits), out var n) ? n : -1;
    }

    /// <summary>The next line without its CRLF; valid until the next read.</summary>
    private ReadOnlySpan<byte> ReadLine()
    {
        var scanned = start;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', scanned, end - scanned);
            if (newline >= 0)
            {
                var lineStart = start;
                start = newline + 1;
                var lineEnd = newline > lineStart && buffer[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                return buffer.AsSpan(lineStart, lineEnd - lineStart);
            }

            scanned = end;
            var offset = start;
            Fill();
            scanned -= offset - start;
        }
    }

    private byte[]? ReadExactly(int length, bool keep)
    {
        var result = keep ? new byte[length] : null;
        var copied = 0;
        while (copied < length)
        {
            if (start == end)
            {
                Fill();
            }

            var take = Math.Min(length - copied, end - start);
            if (result is not null)
            {
                buffer.AsSpan(start, take).CopyTo(result.AsSpan(copied));
            }

            start += take;
            copied += take;
        }

        return result;
    }

    /// <summary>Reads more bytes, moving unread ones to the front and growing the buffer for long lines.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            throw new ImapException("connection closed by the server");
        }

        end += read;
    }

    public void Dispose()
    {
        stream.Dispose();
        socket.Dispose();
    }
}

internal sealed class ImapException(string message) : Exception(message);

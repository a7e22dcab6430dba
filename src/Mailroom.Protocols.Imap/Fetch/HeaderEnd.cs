namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>Finds where a message's header ends (after the first empty line) without parsing MIME: BODY[HEADER] and BODY[TEXT] need nothing more.</summary>
public static class HeaderEnd
{
    private const int Chunk = 8 * 1024;

    /// <summary>The offset just after the blank line, or the stream's length if there is none (a header-only message).</summary>
    public static async Task<long> FindAsync(Stream message, CancellationToken cancellationToken)
    {
        message.Position = 0;
        var buffer = new byte[Chunk + 2];
        long consumed = 0;
        var carry = 0;

        // Line starts: position 0 counts as one, so a message that begins with an empty line has an empty header.
        var atLineStart = true;
        while (true)
        {
            var read = await message.ReadAsync(buffer.AsMemory(carry, Chunk), cancellationToken);
            if (read == 0)
            {
                return consumed + carry;
            }

            var span = buffer.AsSpan(0, carry + read);
            for (var i = 0; i < span.Length; i++)
            {
                if (atLineStart)
                {
                    if (span[i] == '\n')
                    {
                        return consumed + i + 1;
                    }

                    if (span[i] == '\r')
                    {
                        if (i + 1 < span.Length)
                        {
                            if (span[i + 1] == '\n')
                            {
                                return consumed + i + 2;
                            }
                        }
                        else
                        {
                            // A CR at the end of the chunk: decide once the next byte is in.
                            buffer[0] = (byte)'\r';
                            consumed += i;
                            carry = 1;
                            goto nextChunk;
                        }
                    }
                }

                atLineStart = span[i] == '\n';
            }

            consumed += span.Length;
            carry = 0;
        nextChunk:;
        }
    }

    /// <summary>The same for a message held in memory.</summary>
    public static int Find(ReadOnlySpan<byte> message)
    {
        var atLineStart = true;
        for (var i = 0; i < message.Length; i++)
        {
            if (atLineStart)
            {
                if (message[i] == '\n')
                {
                    return i + 1;
                }

                if (message[i] == '\r' && i + 1 < message.Length && message[i + 1] == '\n')
                {
                    return i + 2;
                }
            }

            atLineStart = message[i] == '\n';
        }

        return message.Length;
    }
}

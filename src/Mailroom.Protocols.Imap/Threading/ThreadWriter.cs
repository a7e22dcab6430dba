using System.Buffers;
using Mailroom.Protocols.Imap.Formatting;

namespace Mailroom.Protocols.Imap.Threading;

/// <summary>
/// Writes the thread list of RFC 5256 §4 ("thread-list"): each thread in parentheses; a message followed by its only
/// child is written "a b", one with several children "a (b …)(c …)"; a dummy root is written by its children alone.
/// </summary>
public static class ThreadWriter
{
    /// <summary>Writes <c>* THREAD …</c> and the line end.</summary>
    public static void Write(IBufferWriter<byte> writer, IReadOnlyList<ThreadNode> threads)
    {
        writer.WriteAscii("* THREAD");
        if (threads.Count > 0)
        {
            writer.WriteByte((byte)' ');
        }

        foreach (var thread in threads)
        {
            writer.WriteByte((byte)'(');
            WriteNode(writer, thread);
            writer.WriteByte((byte)')');
        }

        writer.WriteAscii("\r\n");
    }

    private static void WriteNode(IBufferWriter<byte> writer, ThreadNode node)
    {
        // Iterative along single-child chains, which are the long ones (a reply chain of thousands).
        var current = node;
        var first = true;
        while (true)
        {
            if (current.Message is { } message)
            {
                if (!first)
                {
                    writer.WriteByte((byte)' ');
                }

                writer.WriteNumber(message.Id);
                first = false;
            }

            if (current.Children.Count == 1 && !current.IsDummy)
            {
                current = current.Children[0];
                continue;
            }

            if (current.Children.Count > 0)
            {
                if (!first)
                {
                    writer.WriteByte((byte)' ');
                }

                foreach (var child in current.Children)
                {
                    writer.WriteByte((byte)'(');
                    WriteNode(writer, child);
                    writer.WriteByte((byte)')');
                }
            }

            return;
        }
    }
}

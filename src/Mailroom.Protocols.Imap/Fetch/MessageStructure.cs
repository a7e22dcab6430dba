using Mailroom.Mailboxes.Indexing;
using MimeKit;

namespace Mailroom.Protocols.Imap.Fetch;

/// <summary>
/// The MIME tree of one stored message, parsed once per FETCH of that message with MimeKit over the seekable blob
/// stream in persistent mode, so part contents are not copied into memory; only headers are held.
/// </summary>
public sealed class MessageStructure
{
    private MessageStructure(Stream source, MimeNode root)
    {
        Source = source;
        Root = root;
    }

    /// <summary>The message bytes (the blob stream); sections are read from it by offset.</summary>
    public Stream Source { get; }

    /// <summary>The message's top entity; its header is the message header.</summary>
    public MimeNode Root { get; }

    public static async Task<MessageStructure> ParseAsync(Stream source, CancellationToken cancellationToken)
    {
        source.Position = 0;
        var nodes = new Dictionary<MimeEntity, MimeNode>(ReferenceEqualityComparer.Instance);
        var messageParents = new Stack<MimeNode?>();
        var embedded = new List<MimeNode>();
        MimeNode? root = null;

        var parser = new MimeParser(ParserOptions.Default, source, MimeFormat.Entity, persistent: true);
        parser.MimeMessageBegin += (_, e) => messageParents.Push(e.Parent is { } p && nodes.TryGetValue(p, out var owner) ? owner : null);
        parser.MimeMessageEnd += (_, _) => messageParents.Pop();
        parser.MimeEntityBegin += (_, e) =>
        {
            var node = new MimeNode(e.Entity, e.BeginOffset);
            nodes[e.Entity] = node;
            if (e.Parent is { } parent && nodes.TryGetValue(parent, out var parentNode))
            {
                parentNode.Children.Add(node);
            }
            else if (messageParents.Count > 0 && messageParents.Peek() is { } messagePart)
            {
                messagePart.Children.Add(node);
                embedded.Add(messagePart);
            }
            else
            {
                root ??= node;
            }
        };
        parser.MimeEntityEnd += (_, e) =>
        {
            if (nodes.TryGetValue(e.Entity, out var node))
            {
                node.ContentStart = e.HeadersEndOffset;
                node.End = e.EndOffset;
                node.Lines = e.Lines;
            }
        };

        await parser.ParseMessageAsync(cancellationToken);
        var structure = new MessageStructure(source, root ?? throw new FormatException("The message has no MIME entity."));
        foreach (var part in embedded)
        {
            var inner = part.Children[0];
            var header = await ReadAsync(source, inner.Begin, Math.Min(inner.ContentStart - inner.Begin, MessageIndexer.MaxHeaderBytes), cancellationToken);
            part.EmbeddedHeaders = MessageIndexer.Index(header);
        }

        return structure;
    }

    /// <summary>
    /// The entity a section's part numbers name (RFC 9051 §6.4.5): a multipart's n-th part; inside a message (the
    /// top one or an encapsulated one) whose body is not multipart, part 1 is that body. Null if there is no such part.
    /// </summary>
    public MimeNode? Resolve(IReadOnlyList<uint> part)
    {
        var current = Root;
        var atMessage = true;
        foreach (var number in part)
        {
            if (!atMessage && current.IsMessage)
            {
                if (current.Children.Count == 0)
                {
                    return null;
                }

                current = current.Children[0];
                atMessage = true;
            }

            if (current.IsMultipart)
            {
                if (number > current.Children.Count)
                {
                    return null;
                }

                current = current.Children[(int)number - 1];
            }
            else if (!atMessage || number != 1)
            {
                return null;
            }

            atMessage = false;
        }

        return current;
    }

    public static async Task<byte[]> ReadAsync(Stream source, long offset, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(0, length)];
        source.Position = offset;
        await source.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}

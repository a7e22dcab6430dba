using System.Buffers;
using System.Text;
using Mailroom.Protocols.Imap.Fetch;
using MimeKit;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// The searchable text of one message for BODY, TEXT and HEADER on unindexed fields: header fields with their values
/// decoded (RFC 2047) and the decoded text of its text parts (transfer encoding and charset removed), which is what
/// RFC 9051 §6.4.4 means by matching "the specified string" in a message.
/// </summary>
public sealed class MessageText(IReadOnlyList<KeyValuePair<string, string>> headerFields, string body)
{
    /// <summary>Messages up to this size are read in one piece into a pooled buffer; larger ones are parsed as a stream.</summary>
    public const int InMemoryLimit = 256 * 1024;

    public IReadOnlyList<KeyValuePair<string, string>> HeaderFields { get; } = headerFields;

    public string Body { get; } = body;

    /// <summary>Reads the header only, or the whole message when <paramref name="withBody"/>.</summary>
    public static async Task<MessageText> LoadAsync(Stream message, bool withBody, CancellationToken cancellationToken)
    {
        if (message.CanSeek && message.Length <= InMemoryLimit)
        {
            var length = (int)message.Length;

            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                message.Position = 0;
                await message.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                return FromBytes(buffer.AsMemory(0, length), withBody);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        if (!withBody)
        {
            var parser = new MimeParser(message, MimeFormat.Entity);
            var headers = await parser.ParseHeadersAsync(cancellationToken).ConfigureAwait(false);
            return new MessageText(Fields(headers), string.Empty);
        }

        return FromMessage(await MimeMessage.LoadAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The same as <see cref="LoadAsync"/> for a message already in memory.</summary>
    public static MessageText Load(ReadOnlyMemory<byte> message, bool withBody) => FromBytes(message, withBody);

    private static MessageText FromBytes(ReadOnlyMemory<byte> bytes, bool withBody)
    {
        var headerEnd = HeaderEnd.Find(bytes.Span);
        var headers = new MimeParser(new ReadOnlyMemoryStream(bytes[..headerEnd]), MimeFormat.Entity).ParseHeaders();
        if (!withBody)
        {
            return new MessageText(Fields(headers), string.Empty);
        }

        // The common case needs no MIME parse: one text/plain part in 7bit/8bit ASCII or UTF-8 is its own text.
        if (IsPlainUtf8(headers))
        {
            return new MessageText(Fields(headers), Encoding.UTF8.GetString(bytes.Span[headerEnd..]));
        }

        return FromMessage(MimeMessage.Load(new ReadOnlyMemoryStream(bytes)));
    }

    private static bool IsPlainUtf8(HeaderList headers)
    {
        var encoding = headers[HeaderId.ContentTransferEncoding]?.Trim();
        if (!(string.IsNullOrEmpty(encoding) || encoding.Equals("7bit", StringComparison.OrdinalIgnoreCase) || encoding.Equals("8bit", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var typeText = headers[HeaderId.ContentType];
        if (typeText is null)
        {
            return true;
        }

        if (!ContentType.TryParse(typeText, out var type) || !type.IsMimeType("text", "plain"))
        {
            return false;
        }

        var charset = type.Charset;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
    }

    private static MessageText FromMessage(MimeMessage mime)
    {
        var body = new StringBuilder();
        foreach (var part in mime.BodyParts)
        {
            if (part is TextPart text)
            {
                body.Append(text.Text).Append('\n');
            }
        }

        return new MessageText(Fields(mime.Headers), body.ToString());
    }

    private static List<KeyValuePair<string, string>> Fields(HeaderList headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value ?? string.Empty)).ToList();

    /// <summary>A read-only stream over pooled bytes (MemoryStream needs an array segment it may expose).</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> bytes) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position
        {
            get => position;
            set => position = (int)Math.Clamp(value, 0, bytes.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, bytes.Length - position);
            bytes.Span.Slice(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => bytes.Length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

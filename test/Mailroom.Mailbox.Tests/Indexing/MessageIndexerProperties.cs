using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Mailboxes.Indexing;

namespace Mailroom.Mailboxes.Tests.Indexing;

/// <summary>Whatever bytes a message starts with, indexing returns an index and never throws.</summary>
public class MessageIndexerProperties
{
    // Pieces that steer random input into the parsers' corners: field names, folding, encoded words, address syntax.
    private static readonly string[] Fragments =
    [
        "From:", "To:", "Cc:", "Bcc:", "Sender:", "Reply-To:", "Subject:", "Date:", "Message-ID:", "References:", "In-Reply-To:",
        "\r\n", "\n", "\r", "\r\n ", "\r\n\t", "\r\n\r\n", " ", ":", ";", ",", "<", ">", "@", "\"", "\\", "(", ")", "[", "]",
        "=?", "?=", "=?utf-8?B?", "=?iso-8859-1?Q?", "=?x-unknown?X?", "=E9", "w4k=", "a@b.example", "Group:", "@relay:",
        "Mon, 1 Jan 2024 00:00:00 +0000", "(fwd)", "Re:", "[fwd:", "\0", "\u00e9", "\ud83d\ude00", "xn--", "..",
    ];

    private static readonly Gen<byte[]> HeaderLike =
        Gen.Frequency(
                (3, Gen.Elements(Fragments).Select(f => Encoding.UTF8.GetBytes(f))),
                (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 6)))
            .ListOf()
            .Select(parts => parts.SelectMany(p => p).ToArray());

    private static readonly Gen<byte[]> AnyBytes = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    [Property(MaxTest = 3000)]
    public Property HeaderShapedNoiseNeverThrows() =>
        Prop.ForAll(HeaderLike.ToArbitrary(), bytes => MessageIndexer.Index(bytes) is not null);

    [Property(MaxTest = 1000)]
    public Property RandomBytesNeverThrow() =>
        Prop.ForAll(AnyBytes.ToArbitrary(), bytes => MessageIndexer.Index(bytes) is not null);

    [Property(MaxTest = 300)]
    public Property StreamingGivesTheSameIndexAsTheWholeBlock() =>
        Prop.ForAll(HeaderLike.ToArbitrary(), bytes =>
        {
            var whole = MessageIndexer.Index(bytes);
            var streamed = MessageIndexer.IndexAsync(new MemoryStream(bytes)).GetAwaiter().GetResult();
            return whole.Subject == streamed.Subject && IndexJson.Serialize(whole.Envelope) == IndexJson.Serialize(streamed.Envelope);
        });

    [Property(MaxTest = 1000)]
    public Property TheBinaryEnvelopeRoundTrips() =>
        Prop.ForAll(HeaderLike.ToArbitrary(), bytes =>
        {
            var envelope = MessageIndexer.Index(bytes).Envelope;
            var decoded = EnvelopeCodec.Decode(EnvelopeCodec.Encode(envelope));
            return IndexJson.Serialize(decoded) == IndexJson.Serialize(envelope);
        });

    [Property(MaxTest = 2000)]
    public Property DamagedBinaryEnvelopesAreRefusedNotMisread() =>
        Prop.ForAll(AnyBytes.ToArbitrary(), bytes =>
        {
            try
            {
                EnvelopeCodec.Decode([EnvelopeCodec.Version, .. bytes]);
                return true;
            }
            catch (InvalidDataException)
            {
                return true;
            }
        });

    [Property(MaxTest = 300)]
    public Property TheStoredEnvelopeRoundTrips() =>
        Prop.ForAll(HeaderLike.ToArbitrary(), bytes =>
        {
            var json = IndexJson.Serialize(MessageIndexer.Index(bytes).Envelope);
            return IndexJson.Serialize(IndexJson.Deserialize(json)) == json;
        });
}

using FsCheck;
using FsCheck.Xunit;
using Mailroom.Protocols.Imap.Parsing;

namespace Mailroom.Protocols.Imap.Tests;

public sealed class ImapTokenizerProperties
{
    [Property(MaxTest = 2000)]
    public bool NeverThrowsOnRandomBytes(byte[] line)
    {
        var tokenizer = new ImapTokenizer();
        var result = tokenizer.Feed(line ?? []);
        if (result.Status == TokenizeStatus.Literal)
        {
            tokenizer.AddLiteral(new byte[] { 1, 2, 3 }, false);
            tokenizer.Feed(line ?? []);
        }

        return Enum.IsDefined(result.Status);
    }

    [Property(MaxTest = 2000)]
    public bool NeverThrowsOnImapLikeText(NonEmptyArray<byte> picks)
    {
        // Lines made of IMAP's own punctuation find the tokenizer's corner cases faster than random bytes.
        const string alphabet = "a1 ()[]{}<>\"\\+~*%$:,.0123456789NIL\u00e9";
        var text = new string(picks.Get.Select(b => alphabet[b % alphabet.Length]).ToArray());
        var result = new ImapTokenizer().Feed(System.Text.Encoding.UTF8.GetBytes(text));
        return Enum.IsDefined(result.Status);
    }
}

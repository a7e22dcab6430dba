using System.Buffers.Text;
using System.Text;

namespace Mailroom.Networking;

/// <summary>Strict decoding of SASL responses as SMTP, IMAP and POP3 carry them (base64 without whitespace).</summary>
public static class SaslBase64
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a client response line: "*" cancels; otherwise canonical base64 (RFC 4648 §4).</summary>
    public static SaslStatus Decode(ReadOnlySpan<byte> text, out byte[] decoded)
    {
        decoded = [];
        if (text is [(byte)'*'])
        {
            return SaslStatus.Cancelled;
        }

        if (text.Length % 4 != 0 || !IsAlphabet(text))
        {
            return SaslStatus.InvalidBase64;
        }

        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        var status = Base64.DecodeFromUtf8(text, buffer, out var consumed, out var written);
        if (status != System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            return SaslStatus.InvalidBase64;
        }

        decoded = buffer[..written];
        return SaslStatus.Completed;
    }

    /// <summary>Decodes an initial response: "=" is the empty response (RFC 4954 §4); "*" is not allowed there.</summary>
    public static SaslStatus DecodeInitialResponse(ReadOnlySpan<byte> text, out byte[] decoded)
    {
        decoded = [];
        if (text is [(byte)'='])
        {
            return SaslStatus.Completed;
        }

        var status = Decode(text, out decoded);
        return status == SaslStatus.Cancelled ? SaslStatus.InvalidBase64 : status;
    }

    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>UTF-8 text of a credential field; false on invalid UTF-8 (RFC 4616 §2 requires UTF-8).</summary>
    public static bool TryGetString(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool IsAlphabet(ReadOnlySpan<byte> text)
    {
        var padding = text.Length > 0 && text[^1] == '=' ? (text.Length > 1 && text[^2] == '=' ? 2 : 1) : 0;
        foreach (var c in text[..^padding])
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c == '+' || c == '/'))
            {
                return false;
            }
        }

        return true;
    }
}

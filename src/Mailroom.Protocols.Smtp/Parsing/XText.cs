using System.Text;

namespace Mailroom.Protocols.Smtp;

/// <summary>xtext (RFC 3461 §4): printable ASCII except "+" and "=", with "+" HEXCHAR HEXCHAR for anything else.</summary>
internal static class XText
{
    /// <param name="allowUtf8">SMTPUTF8 transactions may carry raw UTF-8 (RFC 6533 §3).</param>
    public static bool TryDecode(string value, bool allowUtf8, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c is >= '!' and <= '~' and not '=')
            {
                bytes.Add((byte)c);
            }
            else if (c > 127 && allowUtf8)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1)));
                i += char.IsHighSurrogate(c) ? 1 : 0;
            }
            else
            {
                return false;
            }
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

using System.Text;

namespace Mailroom.OPath.Parsing;

/// <summary>
/// Decodes PowerShell-style string literals: '...' with '' for a quote, and "..." with "" or a
/// backtick escape for a quote. Variables in "..." are not expanded: a filter has none.
/// </summary>
internal static class QuotedStringReader
{
    /// <param name="start">Index of the opening quote.</param>
    /// <param name="end">Index just past the closing quote.</param>
    public static string Read(string text, int start, out int end)
    {
        var quote = text[start];
        var value = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '`' && quote == '"')
            {
                if (++i == text.Length)
                {
                    break;
                }

                value.Append(Unescape(text[i]));
            }
            else if (c != quote)
            {
                value.Append(c);
            }
            else if (i + 1 < text.Length && text[i + 1] == quote)
            {
                // A doubled quote is one literal quote.
                value.Append(quote);
                i++;
            }
            else
            {
                end = i + 1;
                return value.ToString();
            }
        }

        throw ParseErrors.Unexpected(
            text.Length + 1,
            $"a closing {quote} to end the string that starts at position {start + 1}",
            "end of filter");
    }

    // PowerShell's backtick escapes; any other escaped character stands for itself.
    private static char Unescape(char c) => c switch
    {
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\v',
        _ => c,
    };
}

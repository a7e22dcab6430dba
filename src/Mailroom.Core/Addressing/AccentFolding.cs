using System.Globalization;
using System.Text;

namespace Mailroom.Addressing;

/// <summary>Removes accents (é → e, Ñ → N) so names can become ASCII address local parts.</summary>
public static class AccentFolding
{
    public static string Fold(string value)
    {
        // Normalize rejects lone surrogates and noncharacters; none of them could survive into an address anyway.
        var valid = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsSurrogate(c) && char.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned)
            {
                valid.Append(c);
            }
        }

        string decomposed;
        try
        {
            decomposed = valid.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = valid.ToString();
        }

        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }
}

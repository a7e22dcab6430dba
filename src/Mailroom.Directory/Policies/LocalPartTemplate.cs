using System.Globalization;
using System.Text;
using Mailroom.Addressing;

namespace Mailroom.Directory.Policies;

/// <summary>
/// Expands the local part of an email address template. Variables: <c>%g</c> first name, <c>%s</c> last name,
/// <c>%i</c> initials, <c>%d</c> display name, <c>%m</c> alias, <c>%Ng</c>/<c>%Ns</c> the first N letters of
/// the first/last name, and <c>%rXY</c>, which replaces X with Y in every value substituted after it (X twice
/// removes X). Literal characters are copied. The result is lower-cased, stripped of accents and of characters
/// not allowed in an RFC 5321 dot-atom, with dots collapsed and trimmed.
/// </summary>
public static class LocalPartTemplate
{
    /// <summary>Checks a format's syntax; throws <see cref="FormatException"/> naming the bad variable.</summary>
    public static void Validate(string format) => Expand(format, new RecipientNames("a", "b", "c", "d", "e"), validateOnly: true);

    /// <summary>The expanded local part, or an empty string when the recipient lacks the named parts.</summary>
    public static string Expand(string format, RecipientNames names) => Expand(format, names, validateOnly: false);

    private static string Expand(string format, RecipientNames names, bool validateOnly)
    {
        var output = new StringBuilder();
        var replacements = new List<(char From, char? To)>();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                if (!SmtpAddress.IsAtomChar(c) && c != '.')
                {
                    throw new FormatException($"The character '{c}' at position {i + 1} of \"{format}\" isn't allowed in an email address.");
                }

                output.Append(c);
                continue;
            }

            var start = i;
            var digits = 0;
            while (i + 1 < format.Length && char.IsAsciiDigit(format[i + 1]))
            {
                i++;
                digits++;
            }

            int? count = null;
            if (digits > 0)
            {
                count = int.TryParse(format.AsSpan(start + 1, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var letters)
                    ? letters
                    : throw Bad(format, start);
            }

            if (i + 1 >= format.Length)
            {
                throw Bad(format, start);
            }

            var variable = char.ToLowerInvariant(format[++i]);
            if (variable == 'r' && count is null)
            {
                if (i + 2 >= format.Length)
                {
                    throw new FormatException($"The variable %r at position {start + 1} of \"{format}\" needs two characters: %rXY replaces X with Y.");
                }

                var (from, to) = (format[i + 1], format[i + 2]);
                replacements.Add((from, from == to ? null : to));
                i += 2;
                continue;
            }

            var value = variable switch
            {
                'g' => names.FirstName,
                's' => names.LastName,
                'i' when count is null => names.Initials,
                'd' when count is null => names.DisplayName,
                'm' when count is null => names.Alias,
                _ => throw Bad(format, start),
            } ?? string.Empty;
            if (count is { } n)
            {
                value = n == 0 ? throw Bad(format, start) : value[..Math.Min(n, value.Length)];
            }

            foreach (var (from, to) in replacements)
            {
                value = to is { } replacement ? value.Replace(from, replacement) : value.Replace(from.ToString(), string.Empty);
            }

            output.Append(value);
        }

        return validateOnly ? string.Empty : Clean(output.ToString());
    }

    private static FormatException Bad(string format, int position) =>
        new($"The email address template \"{format}\" has an invalid variable at position {position + 1}. Valid variables are %g, %s, %i, %d, %m, %Ng, %Ns and %rXY.");

    private static string Clean(string value)
    {
        var folded = AccentFolding.Fold(value);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c == '.' || (c < 128 && SmtpAddress.IsAtomChar(c)))
            {
                kept.Append(char.ToLowerInvariant(c));
            }
        }

        var parts = kept.ToString().Split('.', StringSplitOptions.RemoveEmptyEntries);
        var local = string.Join('.', parts);
        return local.Length > 64 ? local[..64].TrimEnd('.') : local;
    }
}

using System.Collections;
using System.Globalization;

namespace Mailroom.OPath.Evaluation;

/// <summary>
/// Reads what <see cref="IOPathRecord.GetValue"/> returns as zero or more scalars. Null and empty
/// strings are absent values (as in Active Directory, which stores no empty values), so a
/// multi-valued property holding only those counts as empty.
/// </summary>
internal static class RecordValues
{
    public static bool Any(object? value, Func<Scalar, bool> test)
    {
        if (value is string or not IEnumerable)
        {
            return TryRead(value, out var scalar) && test(scalar);
        }

        if (value is IEnumerable<string> strings)
        {
            foreach (var item in strings)
            {
                if (!string.IsNullOrEmpty(item) && test(Scalar.FromString(item)))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var item in (IEnumerable)value)
        {
            if (TryRead(item, out var scalar) && test(scalar))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsEmpty(object? value) => !Any(value, static _ => true);

    private static bool TryRead(object? item, out Scalar scalar)
    {
        scalar = item switch
        {
            string s => Scalar.FromString(s),
            bool b => Scalar.FromBoolean(b),
            int i => Scalar.FromInteger(i),
            long l => Scalar.FromInteger(l),
            short s => Scalar.FromInteger(s),
            sbyte s => Scalar.FromInteger(s),
            byte b => Scalar.FromInteger(b),
            ushort u => Scalar.FromInteger(u),
            uint u => Scalar.FromInteger(u),
            ulong u when u <= long.MaxValue => Scalar.FromInteger((long)u),
            IFormattable f => Scalar.FromString(f.ToString(null, CultureInfo.InvariantCulture)),
            null => Scalar.FromString(string.Empty),
            _ => Scalar.FromString(item.ToString() ?? string.Empty),
        };
        return scalar.Kind != ScalarKind.String || scalar.Text.Length > 0;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Mailroom.Sizes;

/// <summary>A size in bytes, shown the way Exchange shows sizes: <c>2 GB (2,147,483,648 bytes)</c>.</summary>
public readonly partial record struct ByteQuantifiedSize(ulong Bytes) : IComparable<ByteQuantifiedSize>
{
    /// <summary>The largest size Exchange accepts for a quota: 1.999999999 TB.</summary>
    public static readonly ByteQuantifiedSize MaxQuota = new(2_199_023_254_528UL);

    private static readonly (string Unit, ulong Factor)[] Units =
        [("TB", 1UL << 40), ("GB", 1UL << 30), ("MB", 1UL << 20), ("KB", 1UL << 10), ("B", 1UL)];

    public static ByteQuantifiedSize FromMegabytes(ulong mb) => new(mb << 20);

    public static ByteQuantifiedSize FromGigabytes(ulong gb) => new(gb << 30);

    public int CompareTo(ByteQuantifiedSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteQuantifiedSize a, ByteQuantifiedSize b) => a.Bytes < b.Bytes;

    public static bool operator >(ByteQuantifiedSize a, ByteQuantifiedSize b) => a.Bytes > b.Bytes;

    public static bool operator <=(ByteQuantifiedSize a, ByteQuantifiedSize b) => a.Bytes <= b.Bytes;

    public static bool operator >=(ByteQuantifiedSize a, ByteQuantifiedSize b) => a.Bytes >= b.Bytes;

    /// <summary>Exchange's display: the largest unit the value reaches, rounded to three decimals, then the exact byte count.</summary>
    public override string ToString()
    {
        var bytes = Bytes;
        var (unit, factor) = Units.First(u => bytes >= u.Factor || u.Factor == 1);
        var scaled = Math.Round((decimal)Bytes / factor, 3, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{scaled:0.###} {unit} ({Bytes:N0} bytes)");
    }

    /// <summary>Parses <c>2GB</c>, <c>2.3 GB</c>, <c>500 mb</c>, <c>1048576</c> and Exchange's own display form.</summary>
    public static bool TryParse(string? text, out ByteQuantifiedSize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var display = DisplayForm().Match(text);
        if (display.Success)
        {
            return ulong.TryParse(display.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var exact)
                && Assign(exact, out size);
        }

        var m = UnitForm().Match(text);
        if (!m.Success || !decimal.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var unit = m.Groups["u"].Value.ToUpperInvariant();
        if (unit.Length == 0)
        {
            unit = "B";
        }

        var factor = Units.First(u => u.Unit == unit).Factor;
        if (n > (decimal)ulong.MaxValue / factor)
        {
            return false;
        }

        var bytes = n * factor;
        if (bytes != decimal.Truncate(bytes) && factor == 1)
        {
            return false;
        }

        return Assign((ulong)decimal.Round(bytes), out size);
    }

    public static ByteQuantifiedSize Parse(string text) =>
        TryParse(text, out var size) ? size : throw new FormatException($"The value \"{text}\" is not a valid size. Use a number with an optional unit (B, KB, MB, GB, TB), for example 2GB.");

    private static bool Assign(ulong bytes, out ByteQuantifiedSize size)
    {
        size = new ByteQuantifiedSize(bytes);
        return true;
    }

    [GeneratedRegex(@"^\s*[\d.]+\s*[KMGT]?B\s*\((?<bytes>[\d,]+)\s*bytes\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayForm();

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<u>[KMGT]?B)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitForm();
}

using System.Globalization;

namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>RFC 9051 date-time: <c>"dd-Mon-yyyy hh:mm:ss +zzzz"</c> (day may be space-padded), as APPEND and INTERNALDATE use it.</summary>
public static class ImapDateTime
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var parts = text.Trim().Split(' ');
        if (parts.Length != 3)
        {
            return false;
        }

        var date = parts[0].Split('-');
        var month = date.Length == 3 ? Array.FindIndex(Months, m => m.Equals(date[1], StringComparison.OrdinalIgnoreCase)) + 1 : 0;
        var zone = parts[2];
        if (month == 0 || date[0].Length is < 1 or > 2 || date[2].Length != 4 || zone.Length != 5 || zone[0] is not ('+' or '-')
            || !int.TryParse(date[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(date[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !TimeSpan.TryParseExact(parts[1], "hh\\:mm\\:ss", CultureInfo.InvariantCulture, out var time)
            || !int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var zoneHours)
            || !int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var zoneMinutes)
            || zoneHours > 14 || zoneMinutes > 59 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var offset = new TimeSpan(zoneHours, zoneMinutes, 0) * (zone[0] == '-' ? -1 : 1);
        value = new DateTimeOffset(year, month, day, 0, 0, 0, offset) + time;
        return true;
    }

    /// <summary>Formats for INTERNALDATE (FETCH) and the like.</summary>
    public static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return value.ToString("dd-", CultureInfo.InvariantCulture) + Months[value.Month - 1]
            + value.ToString("-yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
    }
}

using System.Globalization;

namespace Mailroom.Protocols.Smtp;

/// <summary>The 220 banner (RFC 5321 §4.2, Exchange Banner parameter).</summary>
internal static class SmtpGreeting
{
    public static SmtpReply For(SmtpPolicy policy, TimeProvider time)
    {
        if (policy.Banner is { } banner)
        {
            // Exchange's -Banner value includes the code ("220 Contoso Corporation").
            return SmtpReply.WithoutStatusCode(220, banner.StartsWith("220 ", StringComparison.Ordinal) ? banner[4..] : banner);
        }

        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone);
        return SmtpReply.WithoutStatusCode(220, $"{policy.Fqdn} Mailroom ESMTP MAIL service ready at {FormatDate(now)}");
    }

    /// <summary>RFC 5322 §3.3 date-time, e.g. "Sat, 28 Nov 2026 03:53:00 +0000".</summary>
    public static string FormatDate(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return value.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
    }
}

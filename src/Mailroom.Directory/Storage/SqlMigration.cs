using System.Reflection;
using System.Text.RegularExpressions;

namespace Mailroom.Directory.Storage;

/// <summary>A numbered schema step; both providers number their dialect's files the same (0001_*.sql, …).</summary>
public sealed partial record SqlMigration(int Version, string Name, string Sql)
{
    /// <summary>Reads embedded resources named <c>…Migrations.NNNN_name.sql</c> from a provider assembly.</summary>
    public static IReadOnlyList<SqlMigration> FromResources(Assembly assembly)
    {
        var migrations = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = ResourceName().Match(resource);
            if (!m.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SqlMigration(int.Parse(m.Groups["v"].Value), m.Groups["name"].Value, reader.ReadToEnd()));
        }

        return migrations.OrderBy(x => x.Version).ToList();
    }

    [GeneratedRegex(@"Migrations\.(?<v>\d{4})_(?<name>[\w-]+)\.sql$")]
    private static partial Regex ResourceName();
}

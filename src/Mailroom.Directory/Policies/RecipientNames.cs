namespace Mailroom.Directory.Policies;

/// <summary>The name parts a template's variables draw on.</summary>
public sealed record RecipientNames(string? FirstName, string? LastName, string? Initials, string? DisplayName, string Alias);

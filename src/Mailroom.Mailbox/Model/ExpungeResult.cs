namespace Mailroom.Mailboxes.Model;

/// <summary>
/// UIDs removed by one page of EXPUNGE (ascending), the folder's HIGHESTMODSEQ after it, and where to continue.
/// The UIDs are also recorded with that MODSEQ for QRESYNC's VANISHED (RFC 7162 §3.2.10).
/// </summary>
public sealed record ExpungeResult(IReadOnlyList<uint> ExpungedUids, ulong HighestModSeq, uint? NextUid);

/// <summary>UIDs expunged after a MODSEQ, in pages, for SELECT (QRESYNC …) and UID FETCH … (VANISHED).</summary>
public sealed record VanishedPage(IReadOnlyList<uint> Uids, uint? NextUid);

/// <summary>One source UID and the UID its copy got; COPYUID/MOVE's response code is built from these (RFC 4315 §3).</summary>
public readonly record struct UidMapping(uint SourceUid, uint TargetUid);

/// <summary>
/// One page of COPY or MOVE. For a move, <see cref="Mappings"/>' source UIDs were expunged from the source folder at
/// <see cref="SourceModSeq"/>.
/// </summary>
public sealed record CopyResult(uint TargetUidValidity, IReadOnlyList<UidMapping> Mappings, ulong SourceModSeq, uint? NextUid);

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>Why an entry breaks the chain.</summary>
public enum ChainBreak
{
    /// <summary>The sequence skips or repeats a number: an entry was deleted or inserted.</summary>
    SequenceGap,

    /// <summary>The entry does not point at the hash of the entry before it: entries were removed, inserted or reordered.</summary>
    PreviousHashMismatch,

    /// <summary>The entry's content no longer hashes to its stored hash: it was edited.</summary>
    ContentHashMismatch,

    /// <summary>The chain does not pass through a published checkpoint: the log was rewritten with recomputed hashes.</summary>
    CheckpointMismatch,

    /// <summary>The log ends before a published checkpoint: entries were cut from its end.</summary>
    Truncated,

    /// <summary>The chain is intact, but a span of it is missing from the citizen index: its entries would not show in that citizen's history.</summary>
    UnindexedSpan,
}

/// <summary>The result of walking the chain: ok, how many entries were checked, and the first broken one.</summary>
public sealed record ChainVerification(bool Ok, long EntriesChecked, long? FirstBrokenSequence, ChainBreak? Break);

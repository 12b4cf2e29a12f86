namespace GraphQlRegistry.Policy.Fields;

/// <summary>How a field shows when the field that reached it is partially masked (the <c>@whenPartial</c> directive).</summary>
public enum PartialRendering
{
    /// <summary>Not shown: the value is null. The default, so a field nobody described reveals nothing.</summary>
    Hidden,

    /// <summary>Shown as it is (an address's province).</summary>
    Clear,

    /// <summary>A personal id with its first eight digits starred.</summary>
    LastFourDigits,

    /// <summary>A name with every word but the last cut to its initial.</summary>
    Initials,
}

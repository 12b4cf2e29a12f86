using System.Runtime.CompilerServices;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The writer's map from texts to their <see cref="Storage.LogText"/> ids, as of its last commit. Field coordinates and
/// reasons reach it as the same few string objects entry after entry (the server's rules and error codes): those are
/// found first by object identity in a small fixed table, so that a page of 500 citizens does not hash 30,000 of them
/// character by character. Paths are new strings for every request and go to the map by content.
/// </summary>
internal sealed class KnownTexts
{
    /// <summary>Paths hold callers' aliases, so the texts are not a closed set: the map forgets everything past this.</summary>
    private const int MaxTexts = 100_000;

    private const int RecentSlots = 256;

    private readonly Dictionary<string, int> _byContent = new(StringComparer.Ordinal);
    private readonly (string? Text, int Id)[] _recent = new (string?, int)[RecentSlots];

    /// <summary>A text passed as the same object each time (a field coordinate, a reason).</summary>
    public bool TryGetRecurring(string text, out int id)
    {
        ref var slot = ref _recent[RuntimeHelpers.GetHashCode(text) & (RecentSlots - 1)];
        if (ReferenceEquals(slot.Text, text))
        {
            id = slot.Id;
            return true;
        }

        if (!_byContent.TryGetValue(text, out id))
        {
            return false;
        }

        slot = (text, id);
        return true;
    }

    /// <summary>A text made anew for each request (a path).</summary>
    public bool TryGet(string text, out int id) => _byContent.TryGetValue(text, out id);

    public void Add(string text, int id) => _byContent[text] = id;

    public void ForgetIfFull()
    {
        if (_byContent.Count > MaxTexts)
        {
            Forget();
        }
    }

    /// <summary>After a failed append: the ids it added were rolled back and must not be used again.</summary>
    public void Forget()
    {
        _byContent.Clear();
        Array.Clear(_recent);
    }
}

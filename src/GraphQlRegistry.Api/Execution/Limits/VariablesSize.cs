namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// The size of a request's variables: one per value (scalar, list, object, member name) plus the characters of each
/// string. Counted before anything reads them, and only up to the limit.
/// </summary>
internal static class VariablesSize
{
    public static bool Fits(IReadOnlyDictionary<string, object?> variables, int limit)
    {
        long size = 0;
        var pending = new Stack<object?>();
        pending.Push(variables);
        while (pending.Count > 0)
        {
            size += 1;
            switch (pending.Pop())
            {
                case string text:
                    size += text.Length;
                    break;
                case IEnumerable<KeyValuePair<string, object?>> members:
                    foreach (var (name, value) in members)
                    {
                        size += name.Length;
                        pending.Push(value);
                    }

                    break;
                case System.Collections.IEnumerable items:
                    foreach (var item in items)
                    {
                        pending.Push(item);
                    }

                    break;
            }

            if (size > limit)
            {
                return false;
            }
        }

        return true;
    }
}

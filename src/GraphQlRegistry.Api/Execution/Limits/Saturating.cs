namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>Non-negative arithmetic that sticks at <see cref="long.MaxValue"/>, so a configured cost limit of any size cannot overflow.</summary>
internal static class Saturating
{
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}

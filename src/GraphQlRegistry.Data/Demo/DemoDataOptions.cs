namespace GraphQlRegistry.Data.Demo;

/// <summary>How much demo data to make, and from which seed (<c>Registry:Demo:Citizens</c>, <c>Registry:Demo:Seed</c>).</summary>
public sealed record DemoDataOptions(int Citizens = DemoDataOptions.DefaultCitizens, int Seed = DemoDataOptions.DefaultSeed)
{
    public const int DefaultCitizens = 10_000;
    public const int DefaultSeed = 20210708;
}

/// <summary>Progress of a seeding run: citizens written so far, of how many.</summary>
public readonly record struct SeedProgress(int Written, int Total);

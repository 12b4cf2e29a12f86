using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Cli.Output;

public static class DecisionMarkup
{
    public static string Of(FieldOutcome decision) => decision switch
    {
        FieldOutcome.Revealed => "[green]REVEALED[/]",
        FieldOutcome.Masked => "[yellow]MASKED[/]",
        FieldOutcome.Denied => "[red]DENIED[/]",
    };
}

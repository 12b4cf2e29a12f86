using Spectre.Console;

namespace GraphQlRegistry.Cli.Output;

/// <summary>Failures go to standard error, so <c>--json</c> output stays parseable; the exit code says it failed.</summary>
public static class CliErrors
{
    public const int Failed = 1;

    private static readonly IAnsiConsole StandardError = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static int Fail(string message)
    {
        StandardError.MarkupLineInterpolated($"[red]Error:[/] {message}");
        return Failed;
    }

    public static void Note(string message) => StandardError.MarkupLineInterpolated($"[grey]{message}[/]");
}

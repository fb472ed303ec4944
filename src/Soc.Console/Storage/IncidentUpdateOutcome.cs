namespace Soc.Console.Storage;

public enum IncidentUpdateOutcome
{
    Updated,
    NotFound,
    Conflict,
}

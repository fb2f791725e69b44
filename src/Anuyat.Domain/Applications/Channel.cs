namespace Anuyat.Domain.Applications;

/// <summary>How the application reached the office.</summary>
public enum Channel
{
    /// <summary>Filed by the applicant online (web or API).</summary>
    Online,

    /// <summary>Keyed in by a counter officer for a walk-in applicant.</summary>
    Counter,
}

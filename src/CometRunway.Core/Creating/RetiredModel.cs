namespace CometRunway.Core.Creating;

/// <summary>A model the provider removed, and what replaced it.</summary>
/// <param name="Id">The model id, e.g. <c>gen3a_turbo</c>.</param>
/// <param name="Replacement">The current model to use instead.</param>
/// <param name="Since">When it went, as the provider's history shows it (ISO date).</param>
internal sealed record RetiredModel(string Id, string Replacement, string Since)
{
    /// <summary>One sentence for warnings and errors.</summary>
    public string Advice => $"Runway retired the model '{Id}' ({Since}); use '{Replacement}' instead.";
}

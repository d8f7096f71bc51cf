namespace CometRunway.Core.Tests.Support;

/// <summary>Waits for a condition another thread or process brings about; no timing is asserted, only a generous limit.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, int patienceSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(patienceSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(10);
        }
    }
}

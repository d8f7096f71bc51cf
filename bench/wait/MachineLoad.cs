namespace CometRunway.Bench.Wait;

/// <summary>The load average, so a reader can tell how busy the shared machine was around a run.</summary>
internal static class MachineLoad
{
    public static string Describe()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average (1/5/15 min) {parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "load average unknown";
        }
    }
}

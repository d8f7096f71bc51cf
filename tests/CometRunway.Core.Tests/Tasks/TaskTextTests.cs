using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Tasks;

/// <summary>What a task's collections are as text: what Export-Csv writes for them (it calls ToString on property values).</summary>
public sealed class TaskTextTests
{
    [Fact]
    public void OutputAndAssetsAreTheirLinksSeparatedBySpacesAndStillLists()
    {
        var task = new RunwayTask
        {
            Id = "t",
            Format = RunwayTaskFormat.Official,
            Status = RunwayTaskStatus.Succeeded,
            Output = [new Uri("https://cdn.example/a b.mp4?sig=1"), new Uri("https://cdn.example/b.mp4")],
            Assets = new List<Uri> { new("https://cdn.example/poster.png") },
        };

        Assert.Equal("https://cdn.example/a%20b.mp4?sig=1 https://cdn.example/b.mp4", task.Output.ToString());
        Assert.Equal("https://cdn.example/poster.png", task.Assets.ToString());
        Assert.Equal(2, task.Output.Count);
        Assert.Equal("https://cdn.example/b.mp4", task.Output[1].AbsoluteUri);
        Assert.Equal(task.Output.Select(u => u.AbsoluteUri), task.Output.ToString()!.Split(' '));
    }

    [Fact]
    public void ATaskWithoutLinksHasEmptyListsThatPrintAsNothing()
    {
        var task = new RunwayTask { Id = "t", Format = RunwayTaskFormat.Feed, Status = RunwayTaskStatus.Pending };

        Assert.Empty(task.Output);
        Assert.Equal(string.Empty, task.Output.ToString());
        Assert.Equal(string.Empty, task.Assets.ToString());
        Assert.Equal(string.Empty, task.Properties.ToString());
    }

    [Fact]
    public void PropertiesAreCompactJsonAndStillADictionary()
    {
        var task = new RunwayTask
        {
            Id = "t",
            Format = RunwayTaskFormat.Official,
            Status = RunwayTaskStatus.Running,
            Properties = new Dictionary<string, object?>
            {
                ["model"] = "gen4_turbo",
                ["seed"] = 42L,
                ["data"] = new Dictionary<string, object?> { ["ratio"] = "1280:720", ["tags"] = new List<object?> { "a", null, true } },
                ["note"] = "é",
            },
        };

        Assert.Equal("""{"model":"gen4_turbo","seed":42,"data":{"ratio":"1280:720","tags":["a",null,true]},"note":"é"}""", task.Properties.ToString());
        Assert.Equal("gen4_turbo", task.Properties["model"]);
    }

    [Fact]
    public void PropertiesJsonCannotCarryDoesNotBreakTheText()
    {
        var task = new RunwayTask
        {
            Id = "t",
            Format = RunwayTaskFormat.Official,
            Status = RunwayTaskStatus.Running,
            Properties = new Dictionary<string, object?> { ["odd"] = new object(), ["nan"] = double.NaN },
        };

        Assert.Equal("odd, nan", task.Properties.ToString());
    }

    [Fact]
    public void StatusAndFormatAre64BitEnumsSoConvertToJsonWritesTheirNames() =>
        Assert.Equal((typeof(long), typeof(long)), (Enum.GetUnderlyingType(typeof(RunwayTaskStatus)), Enum.GetUnderlyingType(typeof(RunwayTaskFormat))));
}

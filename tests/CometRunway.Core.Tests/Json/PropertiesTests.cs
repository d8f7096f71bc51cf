using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

public sealed class PropertiesTests
{
    private const string TaskWithExtras = """
        {"task_id":"t","status":"SUCCESS","progress":"100%",
         "text":"hello","count":3,"big":9007199254740993,"ratio":0.5,"whole":2.0,"huge":1e400,"flag":true,"off":false,"none":null,
         "list":[1,"two",[3.5],{"four":4}],
         "nested":{"a":{"b":{"c":[null,true]}}},
         "data":{"id":"t","status":"SUCCEEDED","output":["https://a.example/x.mp4"],"seed":42,"options":{"duration":5}}}
        """;

    public static TheoryData<BodyShape, RunwayTaskFormat> ShapesAndRoutes() => TaskShapeTests.ShapesAndRoutes();

    [Theory]
    [MemberData(nameof(ShapesAndRoutes))]
    public void Unnamed_fields_are_kept_as_plain_values(BodyShape shape, RunwayTaskFormat route)
    {
        var task = Parse(TaskWithExtras, shape, route);
        var p = task.Properties;

        Assert.Equal("hello", p["text"]);
        Assert.Equal(3L, p["count"]);
        Assert.Equal(9007199254740993L, p["big"]);
        Assert.Equal(0.5, p["ratio"]);
        Assert.Equal(2L, p["whole"]);
        Assert.Equal("1e400", p["huge"]);
        Assert.Equal(true, p["flag"]);
        Assert.Equal(false, p["off"]);
        Assert.True(p.ContainsKey("none"));
        Assert.Null(p["none"]);
        var list = Assert.IsType<List<object?>>(p["list"]);
        Assert.Equal(1L, list[0]);
        Assert.Equal("two", list[1]);
        Assert.Equal(3.5, Assert.IsType<List<object?>>(list[2])[0]);
        Assert.Equal(4L, Assert.IsType<Dictionary<string, object?>>(list[3])["four"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(p["nested"]);
        var c = (List<object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)nested["a"]!)["b"]!)["c"]!;
        Assert.Equal([null, true], c);

        foreach (var entry in p)
        {
            AssertPlain(entry.Value, entry.Key);
        }
    }

    [Fact]
    public void The_provider_object_is_kept_whole_under_data()
    {
        var task = Parse(TaskWithExtras, BodyShape.Wrapped);

        var provider = Assert.IsType<Dictionary<string, object?>>(task.Properties["data"]);
        Assert.Equal("t", provider["id"]);
        Assert.Equal("SUCCEEDED", provider["status"]);
        Assert.Equal(42L, provider["seed"]);
        Assert.Equal(["https://a.example/x.mp4"], Assert.IsType<List<object?>>(provider["output"]));
        Assert.Equal(5L, Assert.IsType<Dictionary<string, object?>>(provider["options"])["duration"]);
    }

    [Fact]
    public void Fields_the_model_names_are_not_repeated_in_properties()
    {
        var task = Parse(TaskWithExtras);

        foreach (var named in new[] { "task_id", "status", "progress", "id", "output", "createdAt" })
        {
            Assert.DoesNotContain(named, task.Properties.Keys);
        }
    }

    [Fact]
    public void Plain_Runway_extra_properties_are_kept()
    {
        var task = Parse("""{"id":"t","status":"SUCCEEDED","createdAt":"2026-05-01T12:47:47.351Z","output":["https://a.example/x.png"],"model":"gen4_image","ratio":"1280:720","credits":{"used":5}}""", RunwayTaskFormat.Official);

        Assert.Equal(["credits", "model", "ratio"], task.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("gen4_image", task.Properties["model"]);
        Assert.Equal(5L, Assert.IsType<Dictionary<string, object?>>(task.Properties["credits"])["used"]);
    }

    [Fact]
    public void Extra_envelope_fields_are_kept_but_never_override_task_fields()
    {
        var task = Parse("""{"code":"success","message":"","request_id":"req-1","text":"envelope","data":{"task_id":"t","status":"QUEUED","text":"task"}}""");

        Assert.Equal("req-1", task.Properties["request_id"]);
        Assert.Equal("task", task.Properties["text"]);
        Assert.False(task.Properties.ContainsKey("code"));
    }

    [Fact]
    public void Duplicate_keys_do_not_throw_and_keep_the_last_value()
    {
        var task = Parse("""{"task_id":"t","status":"QUEUED","extra":1,"extra":2}""");

        Assert.Equal(2L, task.Properties["extra"]);
    }
}

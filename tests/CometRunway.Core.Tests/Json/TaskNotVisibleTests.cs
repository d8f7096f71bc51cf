using CometRunway.Core.Http;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

public sealed class TaskNotVisibleTests
{
    [Theory]
    [InlineData("""{"code":"task_not_exist","message":"task_not_exist","data":null}""")]
    [InlineData("""{"code":"TASK_NOT_EXIST","message":"","data":null}""")]
    [InlineData("""{"code":"fail","message":"task_not_exist"}""")]
    [InlineData("""{"code":404,"msg":"task_not_exist: 3d957031","data":null}""")]
    [InlineData("""{"message":"task not exist"}""")]
    [InlineData("""{"error":{"message":"task_not_exist","type":"comet_api_error","param":"","code":"task_not_exist"}}""")]
    public void Task_not_exist_inside_a_200_means_not_visible_yet(string body)
    {
        foreach (var route in Routes)
        {
            var error = ParseFails(body, route);

            Assert.Equal(RunwayErrorKind.TaskNotVisible, error.Kind);
            Assert.Equal(RequestedId, error.TaskId);
            Assert.Equal("task_not_exist", error.ServerCode);
            Assert.Contains(RequestedId, error.Message);
            Assert.Contains("not visible yet", error.Message);
            Assert.NotNull(error.BodyExcerpt);
        }
    }
}

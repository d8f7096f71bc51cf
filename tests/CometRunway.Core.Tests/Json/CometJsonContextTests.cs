using System.Text.Json;
using CometRunway.Core.Json;

namespace CometRunway.Core.Tests.Json;

public sealed class CometJsonContextTests
{
    [Theory]
    [InlineData("3d957031-9a2a-45e2-9dc7-bc8513059c50", """{"task_id":"3d957031-9a2a-45e2-9dc7-bc8513059c50"}""")]
    [InlineData("quote\"and\\slash", """{"task_id":"quote\u0022and\\slash"}""")]
    public void Feed_request_is_serialized_with_the_snake_case_name(string id, string expected) =>
        Assert.Equal(expected, JsonSerializer.Serialize(new FeedTaskRequest(id), CometJsonContext.Default.FeedTaskRequest));
}

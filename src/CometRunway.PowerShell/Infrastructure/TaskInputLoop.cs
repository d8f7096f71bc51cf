using System.Management.Automation;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The input loop of the commands that read tasks by id (Get-RunwayTask, Get-RunwayFeedTask, Wait-RunwayTask): each
/// id or object is read as a <see cref="TaskInput"/>, its id validated, routed to its base address, then handed to
/// the engine. An item that cannot be used gets its own error (InvalidRunwayTaskId for a malformed id) and the loop
/// goes on with the next.
/// </summary>
internal static class TaskInputLoop
{
    /// <param name="items">The ids bound to -Id, or the objects bound to -InputObject.</param>
    /// <param name="routes">Where each task is read.</param>
    /// <param name="add">Hands a usable input to the engine; an <see cref="ArgumentException"/> it throws is that item's error.</param>
    /// <param name="writeError">Writes an item's error (on the pipeline thread).</param>
    /// <param name="rejectId">
    /// Takes a malformed id and why, for an engine that reports in input order; null writes InvalidRunwayTaskId at once.
    /// </param>
    public static void Run(
        IEnumerable<object> items, TaskRoutes routes, Action<TaskInput> add, Action<ErrorRecord> writeError, Action<string, ArgumentException>? rejectId = null)
    {
        foreach (var item in items)
        {
            var target = item is PSObject wrapped ? wrapped.BaseObject : item;
            TaskInput input;
            try
            {
                input = item is string id ? TaskInput.ForId(id) : TaskInput.Read(item);
            }
            catch (TaskInputException unusable)
            {
                writeError(unusable.Record);
                continue;
            }

            try
            {
                input = input with { Id = TaskId.Validate(input.Id) };
            }
            catch (ArgumentException invalid)
            {
                if (rejectId is null)
                {
                    writeError(ErrorRecords.InvalidTaskId(invalid, target));
                }
                else
                {
                    rejectId(input.Id, invalid);
                }

                continue;
            }

            try
            {
                routes.Route(input);
                add(input);
            }
            catch (TaskInputException unusable)
            {
                writeError(unusable.Record);
            }
            catch (ArgumentException refused)
            {
                writeError(ErrorRecords.Create(refused, ErrorIds.InvalidTaskProperty, ErrorCategory.InvalidArgument, target));
            }
        }
    }

    /// <summary>What the command's parameter set bound: the piped objects, or the ids.</summary>
    public static IEnumerable<object> Items(bool piped, PSObject[] inputObject, IEnumerable<string> ids) =>
        piped ? inputObject : ids;
}

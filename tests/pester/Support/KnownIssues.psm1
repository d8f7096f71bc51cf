<#
    Bugs that other parts of the project own, found by these tests. A test written to the correct behaviour
    calls Skip-WhileKnownIssue with the bug's symptom: while the symptom shows, the test is skipped (pending)
    with the issue as its reason; once the bug is fixed, the same test runs in full. Delete an entry when
    nothing uses it any more.
#>

Set-StrictMode -Version Latest

$knownIssues = @{
}

function Skip-WhileKnownIssue {
    <# .SYNOPSIS Skips the current test, as pending issue -Issue, when -When is true. #>
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateScript({ $knownIssues.ContainsKey($_) })] [string] $Issue,
        [Parameter(Mandatory)] [bool] $When
    )

    if ($When) { Set-ItResult -Skipped -Because "pending issue $($Issue): $($knownIssues[$Issue])" }
}

Export-ModuleMember -Function Skip-WhileKnownIssue

<#
.SYNOPSIS
    Runs Pester on tests/pester in this (child) pwsh and writes the counts as JSON to -SummaryPath.
.DESCRIPTION
    build.ps1 starts this script in a fresh `pwsh -NoProfile` so the tests see the staged module as a user's
    session would, with nothing of the build loaded. The exit code is the number of failures.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Tag,
    [string] $ExcludeTag
)

# No $ErrorActionPreference here: the tests run with the preferences a user's session has.
Import-Module $PesterManifest -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A block or file whose setup failed runs none of its tests: each one counts as a failure.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount + $result.InconclusiveCount
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
exit $failed

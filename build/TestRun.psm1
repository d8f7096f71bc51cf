<#
    The test suites build.ps1 -Task Test runs, each returning its counts, and the closing summary line.
#>

Set-StrictMode -Version Latest

function New-TestCount([string] $Suite, [int] $Passed, [int] $Failed, [int] $Skipped) {
    [pscustomobject]@{ Suite = $Suite; Passed = $Passed; Failed = $Failed; Skipped = $Skipped }
}

function Invoke-XunitSuite {
    <# .SYNOPSIS Runs `dotnet test` on the solution and counts its results from the TRX files it writes. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Solution,
        [Parameter(Mandatory)] [string] $Configuration,
        [Parameter(Mandatory)] [string] $ResultsDirectory
    )

    Remove-Item -LiteralPath $ResultsDirectory -Recurse -Force -ErrorAction Ignore
    & dotnet test $Solution -c $Configuration --nologo --logger trx --results-directory $ResultsDirectory | Out-Host
    $exitCode = $LASTEXITCODE

    $passed = $failed = $skipped = 0
    foreach ($trx in Get-ChildItem -LiteralPath $ResultsDirectory -Filter '*.trx' -ErrorAction Ignore) {
        $counters = ([xml] (Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }

    # A build error or a crashed test host fails the run without failing a test: count it once.
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    New-TestCount 'xunit' $passed $failed $skipped
}

function Get-PinnedPesterManifest {
    <# .SYNOPSIS Restores the Pester version build/Pester.csproj pins and returns the path of its Pester.psd1. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $RepositoryRoot)

    $project = Join-Path $RepositoryRoot 'build/Pester.csproj'
    & dotnet restore $project --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Restoring Pester with 'dotnet restore $project' failed with exit code $LASTEXITCODE." }

    $assets = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'build/obj/project.assets.json') -Raw | ConvertFrom-Json -AsHashtable
    $pinned = @($assets.project.frameworks.Values.downloadDependencies | Where-Object name -EQ 'Pester')[0].version
    $version = $pinned.Trim('[', ']').Split(',')[0].Trim()
    foreach ($packageFolder in $assets.packageFolders.Keys) {
        $manifest = Join-Path $packageFolder "pester/$version/tools/Pester.psd1"
        if (Test-Path -LiteralPath $manifest) { return $manifest }
    }

    throw "Pester $version was restored, but no package folder ($($assets.packageFolders.Keys -join ', ')) holds pester/$version/tools/Pester.psd1."
}

function Invoke-PesterSuite {
    <# .SYNOPSIS Runs Pester in a child `pwsh -NoProfile` (build/RunPester.ps1) and returns its counts. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Suite,
        [Parameter(Mandatory)] [string] $PesterManifest,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Tag,
        [string] $ExcludeTag
    )

    $summaryPath = Join-Path ([System.IO.Path]::GetTempPath()) "cometrunway-pester-$([guid]::NewGuid().ToString('N')).json"
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $runner = Join-Path $PSScriptRoot 'RunPester.ps1'
    try {
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $runner, '-PesterManifest', $PesterManifest, '-Path', $Path, '-SummaryPath', $summaryPath)
        if ($Tag) { $arguments += '-Tag', $Tag }
        if ($ExcludeTag) { $arguments += '-ExcludeTag', $ExcludeTag }
        & $pwsh @arguments | Out-Host
        $exitCode = $LASTEXITCODE
        if (-not (Test-Path -LiteralPath $summaryPath)) { return New-TestCount $Suite 0 1 0 }

        $counts = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
        New-TestCount $Suite $counts.Passed ([Math]::Max($counts.Failed, [int] ($exitCode -ne 0))) $counts.Skipped
    }
    finally {
        Remove-Item -LiteralPath $summaryPath -ErrorAction Ignore
    }
}

function Write-TestSummary {
    <#
    .SYNOPSIS
        Prints one line per suite and the closing 'Total: N passed, N failed, N skipped' line (.ci/run repeats it).
        Returns the number of failures.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object[]] $Counts)

    $line = { param($c) '{0} passed, {1} failed, {2} skipped' -f $c.Passed, $c.Failed, $c.Skipped }
    foreach ($count in $Counts) { Write-Host ('{0,-16} {1}' -f "$($count.Suite):", (& $line $count)) }
    $total = [pscustomobject]@{
        Passed  = ($Counts | Measure-Object Passed -Sum).Sum
        Failed  = ($Counts | Measure-Object Failed -Sum).Sum
        Skipped = ($Counts | Measure-Object Skipped -Sum).Sum
    }
    Write-Host "Total: $(& $line $total)"
    $total.Failed
}

Export-ModuleMember -Function Invoke-XunitSuite, Get-PinnedPesterManifest, Invoke-PesterSuite, Write-TestSummary

#Requires -Version 7.4
<#
.SYNOPSIS
    How long creating -TaskCount tasks from a CSV file takes with the module, against hand-written
    Invoke-RestMethod loops, in the same run.
.DESCRIPTION
    Starts the CometAPI emulator (build/EmulatorProcess.psm1) with every create answered -LatencyMs late
    (an emulator delay fault), writes a CSV of -TaskCount image-to-video jobs, imports the module at
    -ModulePath into this pwsh, and runs each phase -Repeat times, in a rotating order:

    module/N   Import-Csv jobs.csv | New-RunwayImageToVideoTask -ThrottleLimit N   (N from -ThrottleLimit)
    loop       foreach ($row in Import-Csv jobs.csv) { Invoke-RestMethod -Method Post ... }   (one at a time)
    parallel   Import-Csv jobs.csv | ForEach-Object -Parallel { Invoke-RestMethod ... } -ThrottleLimit 4

    Every phase builds the same JSON body, sends the same headers and turns each answer into an object with
    the task id. A phase counts only when the emulator created exactly -TaskCount tasks and the phase wrote
    -TaskCount ids (the module's in input order). Reported: the median seconds of each phase, creates per
    second, and the ratio of the loop's median to each phase's. The machine is shared: the load average
    before and after is printed, and single runs swing.
.EXAMPLE
    ./bench/create/Measure-CreateThroughput.ps1 -TaskCount 500 -LatencyMs 100 -Repeat 3
#>
[CmdletBinding()]
param(
    # The module manifest to measure; default: the one build.ps1 stages under output/.
    [string] $ModulePath,

    [ValidateRange(1, 100000)]
    [int] $TaskCount = 500,

    # How late the emulator answers each create, as a server across a network would.
    [ValidateRange(0, 10000)]
    [int] $LatencyMs = 100,

    [ValidateRange(1, 20)]
    [int] $Repeat = 3,

    [ValidateRange(1, 32)]
    [int[]] $ThrottleLimit = @(4, 16)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $ModulePath) {
    $version = (Import-PowerShellDataFile (Join-Path $root 'CometRunway.psd1')).ModuleVersion
    $ModulePath = Join-Path $root "output/CometRunway/$version/CometRunway.psd1"
}
Import-Module (Resolve-Path $ModulePath).Path -Force
Import-Module (Join-Path $root 'build/EmulatorProcess.psm1')

function Get-LoadAverage { if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' } }

function Get-CreatedCount([string] $Base) { (Invoke-RestMethod -Uri "$Base/_emulator/created").count }

# The hand-written reference: what a script does without the module, one create per row.
$loop = {
    param($Csv, $Base, $Key)
    $headers = @{ Authorization = "Bearer $Key"; 'X-Runway-Version' = '2024-11-06' }
    foreach ($row in Import-Csv -LiteralPath $Csv) {
        $body = @{ model = 'gen4_turbo'; promptImage = $row.Image; promptText = $row.Prompt; ratio = $row.Ratio; duration = [int] $row.Duration } | ConvertTo-Json -Compress
        $answer = Invoke-RestMethod -Method Post -Uri "$Base/runwayml/v1/image_to_video" -Headers $headers -ContentType 'application/json' -Body $body
        [pscustomobject]@{ Id = $answer.id; Prompt = $row.Prompt }
    }
}

$parallel = {
    param($Csv, $Base, $Key)
    Import-Csv -LiteralPath $Csv | ForEach-Object -ThrottleLimit 4 -Parallel {
        $headers = @{ Authorization = "Bearer $using:Key"; 'X-Runway-Version' = '2024-11-06' }
        $body = @{ model = 'gen4_turbo'; promptImage = $_.Image; promptText = $_.Prompt; ratio = $_.Ratio; duration = [int] $_.Duration } | ConvertTo-Json -Compress
        $answer = Invoke-RestMethod -Method Post -Uri "$using:Base/runwayml/v1/image_to_video" -Headers $headers -ContentType 'application/json' -Body $body
        [pscustomobject]@{ Id = $answer.id; Prompt = $_.Prompt }
    }
}

$phases = [ordered]@{}
foreach ($limit in $ThrottleLimit) {
    $phases["module/$limit"] = [scriptblock]::Create("param(`$Csv, `$Base, `$Key) Import-Csv -LiteralPath `$Csv | New-RunwayImageToVideoTask -ThrottleLimit $limit -ApiKey `$Key -BaseUri `$Base")
}
$phases['loop'] = $loop
$phases['parallel/4'] = $parallel

$work = Join-Path ([IO.Path]::GetTempPath()) "cometrunway-create-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$csv = Join-Path $work 'jobs.csv'
1..$TaskCount | ForEach-Object {
    [pscustomobject]@{ Image = "https://assets.example.com/stills/$_.png"; Prompt = "job $_"; Ratio = '1280:720'; Duration = 5 }
} | Export-Csv -LiteralPath $csv -NoTypeInformation

$emulator = Start-EmulatorProcess -RepositoryRoot $root -Configuration Release
try {
    $base = $emulator.BaseUri.TrimEnd('/')
    if ($LatencyMs -gt 0) {
        $fault = @{ kind = 'delay'; delayMs = $LatencyMs; route = 'create'; always = $true } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$base/_emulator/faults" -ContentType 'application/json' -Body $fault
    }

    $loadBefore = Get-LoadAverage
    $expectedPrompts = 1..$TaskCount | ForEach-Object { "job $_" }
    $runs = foreach ($round in 1..$Repeat) {
        # Rotate the order, so no phase always runs first (cold) or last (after the others warmed the machine).
        $all = @($phases.Keys)
        foreach ($name in 0..($all.Count - 1) | ForEach-Object { $all[($_ + $round - 1) % $all.Count] }) {
            $before = Get-CreatedCount $base
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $written = @(& $phases[$name] $csv $base $emulator.ApiKey)
            $clock.Stop()
            $created = (Get-CreatedCount $base) - $before
            if ($created -ne $TaskCount -or $written.Count -ne $TaskCount -or @($written | Where-Object { -not $_.Id }).Count) {
                throw "$name created $created tasks and wrote $($written.Count) ids; expected $TaskCount of each."
            }
            if ($name -like 'module/*' -and (Compare-Object $expectedPrompts @($written.Prompt) -SyncWindow 0)) {
                throw "$name wrote its tasks out of input order."
            }
            Write-Host ("round {0} {1,-11} {2,8:N2} s" -f $round, $name, $clock.Elapsed.TotalSeconds)
            [pscustomobject]@{ Phase = $name; Seconds = $clock.Elapsed.TotalSeconds }
        }
    }
    $loadAfter = Get-LoadAverage
}
finally {
    Stop-EmulatorProcess -Emulator $emulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$medians = [ordered]@{}
foreach ($name in $phases.Keys) { $medians[$name] = Get-Median @($runs | Where-Object Phase -EQ $name | ForEach-Object Seconds) }

""
"$TaskCount creates from a CSV, emulator latency $LatencyMs ms, $Repeat round(s), pwsh $($PSVersionTable.PSVersion), load average $loadBefore before, $loadAfter after"
""
"| phase | median | creates/s | loop median / phase median |"
"| --- | --- | --- | --- |"
foreach ($name in $phases.Keys) {
    "| {0} | {1:N2} s | {2:N1} | {3:N2}x |" -f $name, $medians[$name], ($TaskCount / $medians[$name]), ($medians['loop'] / $medians[$name])
}

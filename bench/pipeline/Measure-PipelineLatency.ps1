#Requires -Version 7.4
<#
.SYNOPSIS
    How soon each saved file reaches the next command in Wait-RunwayTask | Save-RunwayOutput -PassThru.
.DESCRIPTION
    Starts the CometAPI emulator (tools/CometRunway.Emulator) on a free loopback port in a child process,
    imports the module at -ModulePath into this pwsh, and runs two pipelines:

    signature  -TaskCount tasks that succeed -SpreadSec apart (the first after 2 s):
               Wait-RunwayTask -Id $ids | Save-RunwayOutput -PassThru | ForEach-Object { <timestamp> }
    reference  the same number of tasks, already succeeded, so nothing upstream of Save blocks:
               Get-RunwayTask -Id $ids | Save-RunwayOutput -PassThru | ForEach-Object { <timestamp> }

    For each file, the delay is the moment its FileInfo reached ForEach-Object minus the moment the file was
    renamed into place (its ctime, which the rename sets; the kernel's coarse clock, so +-4 ms). It also
    counts the files that reached ForEach-Object before the next task had even finished on the emulator.
    Run it against two builds (-ModulePath) to compare them; the machine's load makes single runs noisy.
.EXAMPLE
    ./bench/pipeline/Measure-PipelineLatency.ps1 -ModulePath output/CometRunway/0.1.0/CometRunway.psd1
#>
[CmdletBinding()]
param(
    # The module manifest to measure; default: the one build.ps1 stages under output/.
    [string] $ModulePath,

    [ValidateRange(2, 200)]
    [int] $TaskCount = 8,

    [ValidateRange(0.5, 60)]
    [double] $SpreadSec = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $ModulePath) {
    $version = (Import-PowerShellDataFile (Join-Path $root 'CometRunway.psd1')).ModuleVersion
    $ModulePath = Join-Path $root "output/CometRunway/$version/CometRunway.psd1"
}
Import-Module (Resolve-Path $ModulePath).Path -Force

$work = Join-Path ([IO.Path]::GetTempPath()) "cometrunway-pipeline-bench-$PID"
$emulatorBuild = Join-Path $work 'emulator'
& dotnet build (Join-Path $root 'tools/CometRunway.Emulator/CometRunway.Emulator.csproj') -c Release -o $emulatorBuild --nologo -v quiet | Out-Null
if ($LASTEXITCODE -ne 0) { throw "Building the emulator failed with exit code $LASTEXITCODE." }

$listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$base = "http://127.0.0.1:$port/"
$key = 'sk-pipeline-bench-key'
$emulator = Start-Process -FilePath 'dotnet' -PassThru -ArgumentList "`"$(Join-Path $emulatorBuild 'CometRunway.Emulator.dll')`" --port $port --key $key" `
    -RedirectStandardOutput (Join-Path $work 'emulator.out') -RedirectStandardError (Join-Path $work 'emulator.err')

function Get-UnixSeconds { ([DateTime]::UtcNow - [DateTime]::UnixEpoch).TotalSeconds }

function New-EmulatedTask([string] $Id, [double] $SucceedsAfter) {
    $body = @{ id = $Id; succeedsAfterSeconds = $SucceedsAfter } | ConvertTo-Json -Compress
    Invoke-RestMethod -Method Post -Uri "${base}_emulator/tasks" -Body $body -ContentType 'application/json' | Out-Null
}

# Runs one pipeline; returns per file: name, when it was renamed into place, when ForEach-Object saw it.
function Measure-Files([string] $Name, [scriptblock] $Pipeline) {
    $directory = Join-Path $work $Name
    $seen = & $Pipeline $directory
    foreach ($file in $seen) {
        $renamedAt = [double](& stat --printf '%.9Z' -- $file.Path)
        [pscustomobject]@{ Name = $file.Name; RenamedAt = $renamedAt; SeenAt = $file.SeenAt; DelayMs = ($file.SeenAt - $renamedAt) * 1000 }
    }
}

function Get-Summary($files) {
    $delays = @($files | ForEach-Object DelayMs | Sort-Object)
    [pscustomobject]@{
        Files    = $delays.Count
        MedianMs = [math]::Round($delays[[int][math]::Floor(($delays.Count - 1) / 2)], 1)
        MaxMs    = [math]::Round($delays[-1], 1)
    }
}

try {
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    do {
        Start-Sleep -Milliseconds 300
        try { $ready = (Invoke-WebRequest "${base}_emulator/requests" -TimeoutSec 2).StatusCode -eq 200 } catch { $ready = $false }
    } until ($ready -or [DateTime]::UtcNow -gt $deadline)
    if (-not $ready) { throw "The emulator did not start on ${base}: $(Get-Content (Join-Path $work 'emulator.err') -Raw)" }

    $env:COMETAPI_BASE_URL = $base
    $env:COMETAPI_KEY = $key
    $ProgressPreference = 'SilentlyContinue'

    # Warm-up (JIT, connections), not measured.
    New-EmulatedTask 'warm-1' 0
    Get-RunwayTask -Id 'warm-1' | Wait-RunwayTask | Save-RunwayOutput -Path (Join-Path $work 'warm') -PassThru | Out-Null

    $referenceIds = 1..$TaskCount | ForEach-Object { 'ref-{0:d3}' -f $_ }
    $referenceIds | ForEach-Object { New-EmulatedTask $_ 0 }
    $reference = Measure-Files 'reference' {
        param($directory)
        Get-RunwayTask -Id $referenceIds | Save-RunwayOutput -Path $directory -PassThru |
            ForEach-Object { [pscustomobject]@{ Name = $_.Name; Path = $_.FullName; SeenAt = Get-UnixSeconds } }
    }

    $ids = 1..$TaskCount | ForEach-Object { 'sig-{0:d3}' -f $_ }
    $createdAt = Get-UnixSeconds
    $finishAt = @{}
    for ($i = 0; $i -lt $TaskCount; $i++) {
        $after = 2 + $i * $SpreadSec
        New-EmulatedTask $ids[$i] $after
        $finishAt[$ids[$i]] = $createdAt + $after
    }
    $signature = Measure-Files 'signature' {
        param($directory)
        Wait-RunwayTask -Id $ids -PollIntervalSec 1 | Save-RunwayOutput -Path $directory -PassThru |
            ForEach-Object { [pscustomobject]@{ Name = $_.Name; Path = $_.FullName; SeenAt = Get-UnixSeconds } }
    }

    $early = 0
    foreach ($file in $signature) {
        $next = $ids.IndexOf([IO.Path]::GetFileNameWithoutExtension($file.Name)) + 1
        if ($next -lt $ids.Count -and $file.SeenAt -lt $finishAt[$ids[$next]]) { $early++ }
    }

    $module = Get-Module CometRunway
    "Module:     $($module.ModuleBase)"
    "Machine:    $([Environment]::ProcessorCount) cores, load average $((Get-Content /proc/loadavg -Raw).Split(' ')[0..2] -join ' ')"
    "Tasks:      $TaskCount, succeeding $SpreadSec s apart (the first after 2 s); the emulator's 256 KiB files"
    ''
    'Signature pipeline, per file (s from the tasks'' creation):'
    $signature | Sort-Object RenamedAt | Format-Table Name,
        @{ n = 'RenamedAt'; e = { '{0,7:0.000}' -f ($_.RenamedAt - $createdAt) } },
        @{ n = 'SeenAt'; e = { '{0,7:0.000}' -f ($_.SeenAt - $createdAt) } },
        @{ n = 'DelayMs'; e = { '{0,9:0.0}' -f $_.DelayMs } } | Out-String -Width 100
    $sig = Get-Summary $signature
    $ref = Get-Summary $reference
    'Delay from the rename into place to ForEach-Object (ms):'
    [pscustomobject]@{ Pipeline = 'signature (Wait | Save)'; Files = $sig.Files; Median = $sig.MedianMs; Max = $sig.MaxMs },
    [pscustomobject]@{ Pipeline = 'reference (Get | Save, nothing blocks)'; Files = $ref.Files; Median = $ref.MedianMs; Max = $ref.MaxMs } |
        Format-Table | Out-String -Width 100
    "Median ratio signature/reference: {0:0.0}" -f ($sig.MedianMs / [math]::Max($ref.MedianMs, 0.1))
    "Files that reached ForEach-Object before the next task had finished: $early of $($TaskCount - 1)"
}
finally {
    if (-not $emulator.HasExited) { $emulator.Kill($true); $emulator.WaitForExit() }
    Remove-Item Env:\COMETAPI_BASE_URL, Env:\COMETAPI_KEY -ErrorAction Ignore
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
}

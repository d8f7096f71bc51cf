<#
.SYNOPSIS
    The module's headline pipeline: from prompts to saved videos in one pipeline (create, wait, save).
.DESCRIPTION
    `./build.ps1 -Task Demo` runs this script against the CometAPI emulator, with COMETAPI_BASE_URL and
    COMETAPI_KEY pointing at it; there each task is visible after about 2 seconds and succeeds about 10
    seconds later. Against CometAPI itself, set those two (or run Connect-CometApi): every row creates a
    real, charged task. Add -WhatIf to see the requests without sending them.
.PARAMETER Path
    A CSV file of prompts: one task per row, its columns bound by name (PromptText, Duration, Ratio, ...).
.PARAMETER Destination
    Where the videos are saved, as <TaskId>.<ext>.
.PARAMETER ModulePath
    The module to import: a name or the path of a manifest (build.ps1 passes the staged one).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'prompts.csv'),

    [string] $Destination = './videos',

    [string] $ModulePath = 'CometRunway'
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Write-Host "> Import-Csv $Path | New-RunwayFeedVideoTask | Wait-RunwayTask | Save-RunwayOutput -Path $Destination -PassThru"
# Each stage hands typed objects to the next: a task as created, the task once it succeeded, a FileInfo per saved file.
$files = Import-Csv -Path $Path |
    New-RunwayFeedVideoTask |
    Wait-RunwayTask -Timeout 300 |
    Save-RunwayOutput -Path $Destination -PassThru

$files | Format-Table -Property Name, Length, LastWriteTime -AutoSize | Out-Host
Write-Host "Saved $(@($files).Count) file(s) in $((Resolve-Path -LiteralPath $Destination -ErrorAction SilentlyContinue).Path ?? $Destination)"

<#
.SYNOPSIS
    The module's headline pipeline: read tasks, wait until they succeed, save what they produced.
.DESCRIPTION
    `./build.ps1 -Task Demo` runs this script against the CometAPI emulator, with COMETAPI_BASE_URL and
    COMETAPI_KEY pointing at it. Against CometAPI itself, set those two (or run Connect-CometApi) and pass
    the ids of your own tasks.
.PARAMETER TaskId
    The tasks to follow. By default the emulator's finished 'demo-succeeded' and a new id, which the
    emulator creates on first sight and finishes after about 20 seconds.
.PARAMETER Destination
    Where the files are saved, as <TaskId>.<ext>; files already there and identical are kept.
.PARAMETER ModulePath
    The module to import: a name or the path of a manifest (build.ps1 passes the staged one).
#>
param(
    [string[]] $TaskId = @('demo-succeeded', "demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))"),

    [string] $Destination = './videos',

    [string] $ModulePath = 'CometRunway'
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Write-Host "> Get-RunwayTask -Id $($TaskId -join ', ') | Wait-RunwayTask | Save-RunwayOutput -Path $Destination -SkipIdentical -PassThru"
# Each stage hands typed objects to the next: a task as read, the task once it succeeded, a FileInfo per saved file.
$files = Get-RunwayTask -Id $TaskId |
    Wait-RunwayTask -Timeout 300 |
    Save-RunwayOutput -Path $Destination -SkipIdentical -PassThru

$files | Format-Table -Property TaskId, Name, Length, LastWriteTime -AutoSize | Out-Host
Write-Host "Saved $(@($files).Count) file(s) in $((Resolve-Path -LiteralPath $Destination).Path)"

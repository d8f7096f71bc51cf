<#
.SYNOPSIS
    Azure Automation runbook (PowerShell 7.4 runtime): wait for Runway tasks and save their videos.
.DESCRIPTION
    Import CometRunway into the Automation account for runtime version 7.4: zip the folder build.ps1
    stages (output/CometRunway) and add it under Modules > Add a module.

    The key comes from the encrypted Automation variable 'CometApiKey' when it exists, else from the
    COMETAPI_KEY environment variable. Nothing prompts. Progress is turned off (runbook jobs have no
    progress display and every record is stored with the job). Any failed task stops the runbook with
    an error, so the job is marked Failed.
.PARAMETER TaskId
    The Runway task ids to wait for (official format unless -Feed).
.PARAMETER Destination
    A directory on the sandbox or Hybrid Worker; files are named <taskId>.<ext>.
#>
param(
    [Parameter(Mandatory)]
    [string[]] $TaskId,

    [string] $Destination = (Join-Path ([IO.Path]::GetTempPath()) 'runway'),

    [switch] $Feed,

    [int] $TimeoutSec = 1800
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module CometRunway

$key = $null
try { $key = Get-AutomationVariable -Name 'CometApiKey' } catch { Write-Verbose 'No CometApiKey Automation variable; using COMETAPI_KEY.' }
if ($key) { Connect-CometApi -ApiKey $key }

$format = if ($Feed) { 'Feed' } else { 'Official' }
$saved = $TaskId |
    Wait-RunwayTask -Format $format -Timeout $TimeoutSec |
    Save-RunwayOutput -Path $Destination -SkipIdentical -PassThru

# One line per file is easy to read in the job's Output stream and to parse later.
$saved | ForEach-Object { [pscustomobject]@{ TaskId = $_.TaskId; File = $_.FullName; Bytes = $_.Length } }

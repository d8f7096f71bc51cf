<#
    Where the tests find what they test: the repository, the staged module, the build configuration and
    the CometAPI emulator. build.ps1 -Task Test sets COMETRUNWAY_* variables; run alone (Invoke-Pester
    after ./build.ps1), the tests use the Release build and start an emulator of their own.
#>

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../../build/EmulatorProcess.psm1')

$repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path

function Get-RepositoryRoot { $repositoryRoot }

function Get-BuildConfiguration { if ($env:COMETRUNWAY_CONFIGURATION) { $env:COMETRUNWAY_CONFIGURATION } else { 'Release' } }

function Get-StagedManifest {
    <# .SYNOPSIS The staged module's CometRunway.psd1 (output/CometRunway/<version>/ unless build.ps1 says otherwise). #>
    if ($env:COMETRUNWAY_MODULE_PATH) { return $env:COMETRUNWAY_MODULE_PATH }
    $version = (Import-PowerShellDataFile (Join-Path $repositoryRoot 'CometRunway.psd1')).ModuleVersion
    $manifest = Join-Path $repositoryRoot "output/CometRunway/$version/CometRunway.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "No staged module at $($manifest): run ./build.ps1 first." }
    $manifest
}

function Get-StagedModuleRoot {
    <# .SYNOPSIS The folder holding CometRunway/<version>/: put it on PSModulePath and 'Import-Module CometRunway' finds the staged module. #>
    Split-Path (Split-Path (Split-Path (Get-StagedManifest)))
}

function Use-TestEmulator {
    <#
    .SYNOPSIS
        The emulator build.ps1 started (COMETRUNWAY_EMULATOR_URL), or a new one; give the result to Stop-TestEmulator.
    #>
    if ($env:COMETRUNWAY_EMULATOR_URL) {
        return [pscustomobject]@{ BaseUri = $env:COMETRUNWAY_EMULATOR_URL; ApiKey = $env:COMETRUNWAY_EMULATOR_KEY; Owned = $false }
    }

    $emulator = Start-EmulatorProcess -RepositoryRoot $repositoryRoot -Configuration (Get-BuildConfiguration)
    $emulator | Add-Member -NotePropertyName Owned -NotePropertyValue $true -PassThru
}

function Stop-TestEmulator([object] $Emulator) {
    if ($Emulator -and $Emulator.Owned) { Stop-EmulatorProcess -Emulator $Emulator }
}

function Add-EmulatedTask {
    <#
    .SYNOPSIS
        Adds (or replaces) tasks through the emulator's control endpoint; each is a hashtable in the shape
        tools/CometRunway.Emulator/README.md describes, e.g. @{ id = 't1'; succeedsAfterSeconds = 3 }.
    #>
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [Parameter(Mandatory, ValueFromPipeline)] [hashtable] $Task
    )

    process {
        $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/tasks" -ContentType 'application/json' -Body ($Task | ConvertTo-Json -Depth 5)
    }
}

function Enter-TestSession {
    <#
    .SYNOPSIS
        Use-TestEmulator, and point this process's COMETAPI_BASE_URL and COMETAPI_KEY at it, as a user of the
        emulator would. Returns the emulator; Exit-TestSession undoes both.
    #>
    $emulator = Use-TestEmulator
    $env:COMETAPI_BASE_URL = $emulator.BaseUri
    $env:COMETAPI_KEY = $emulator.ApiKey
    $emulator
}

function Exit-TestSession([object] $Emulator) {
    Remove-Item Env:\COMETAPI_BASE_URL, Env:\COMETAPI_KEY -ErrorAction Ignore
    Stop-TestEmulator $Emulator
}

function New-TaskId([string] $Prefix = 'pester') {
    <# .SYNOPSIS A task id no other test uses: the emulator creates it on first sight. #>
    "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
}

Export-ModuleMember -Function Get-RepositoryRoot, Get-BuildConfiguration, Get-StagedManifest, Get-StagedModuleRoot,
    Use-TestEmulator, Stop-TestEmulator, Enter-TestSession, Exit-TestSession, Add-EmulatedTask, New-TaskId

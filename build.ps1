#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages the CometRunway module.
.DESCRIPTION
    Build   compiles the cmdlets, regenerates the MAML help from docs/en-US, and stages an importable
            module at output/CometRunway/<version>/ (manifest, format and help files, bin/ with our two dlls).
    Test    runs Build, then `dotnet test` on the solution, then Pester 5 against the staged module in a
            child `pwsh -NoProfile` when Pester 5 is installed.
    Package runs Build, then writes output/CometRunway.<version>.nupkg with Publish-PSResource to a
            temporary local repository (the package Install-PSResource / Install-Module accept).
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Debug
.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'CometRunway.psd1')).ModuleVersion
$output = Join-Path $root 'output'
$stage = Join-Path $output "CometRunway/$version"

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'src/CometRunway.PowerShell/CometRunway.PowerShell.csproj') -c $Configuration --nologo
    # Called directly: a simple function's $args would swallow the '--' that separates dotnet's arguments from the tool's.
    & dotnet run --project (Join-Path $root 'tools/CometRunway.HelpGen') -c $Configuration -- (Join-Path $root 'docs/en-US') (Join-Path $root 'module/en-US')
    if ($LASTEXITCODE -ne 0) { throw "Generating the help from docs/en-US failed with exit code $LASTEXITCODE." }

    if (Test-Path -LiteralPath $stage) { Remove-Item -LiteralPath $stage -Recurse -Force }
    $bin = New-Item -ItemType Directory -Path (Join-Path $stage 'bin') -Force
    Copy-Item -LiteralPath (Join-Path $root 'CometRunway.psd1') -Destination $stage
    Copy-Item -Path (Join-Path $root 'module/*') -Destination $stage -Recurse

    $built = Join-Path $root "src/CometRunway.PowerShell/bin/$Configuration/net8.0"
    foreach ($name in 'CometRunway.PowerShell', 'CometRunway.Core') {
        Copy-Item -LiteralPath (Join-Path $built "$name.dll") -Destination $bin
        $pdb = Join-Path $built "$name.pdb"
        if (Test-Path -LiteralPath $pdb) { Copy-Item -LiteralPath $pdb -Destination $bin }
    }

    # The host provides these; a private copy would fail to load or shadow the host's.
    $forbidden = Get-ChildItem -LiteralPath $stage -Recurse -Include 'System.Text.Json.dll', 'System.Management.Automation.dll', 'PowerShellStandard*.dll'
    if ($forbidden) { throw "The staged module must not ship $($forbidden.Name -join ', ')." }

    Test-ModuleManifest -Path (Join-Path $stage 'CometRunway.psd1') | Out-Null
    Write-Host "Staged CometRunway $version at $stage"
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'CometRunway.PowerShell.sln') -c $Configuration --nologo

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version] '5.3') | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5.3 or later is not installed (Install-PSResource Pester); skipped tests/pester.'
        return
    }

    # A script block (not a string), so that -args reaches its param() block in the child process.
    $runPester = {
        param($ModulePath, $TestPath)
        $env:COMETRUNWAY_MODULE_PATH = $ModulePath
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestPath
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $configuration
    }
    & pwsh -NoProfile -NonInteractive -Command $runPester -args (Join-Path $stage 'CometRunway.psd1'), (Join-Path $root 'tests/pester')
    if ($LASTEXITCODE -ne 0) { throw "Pester failed with exit code $LASTEXITCODE." }
}

function Invoke-Package {
    $repositoryName = "CometRunwayBuild-$PID"
    $repository = New-Item -ItemType Directory -Path (Join-Path $output 'repository') -Force
    Register-PSResourceRepository -Name $repositoryName -Uri $repository.FullName -Trusted
    try {
        Publish-PSResource -Path $stage -Repository $repositoryName
        $package = Get-ChildItem -LiteralPath $repository.FullName -Filter "CometRunway.$version.nupkg"
        Move-Item -LiteralPath $package.FullName -Destination $output -Force
        Write-Host "Packaged $(Join-Path $output $package.Name)"
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName
        Remove-Item -LiteralPath $repository.FullName -Recurse -Force
    }
}

Invoke-Build
switch ($Task) {
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
}

#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the CometRunway module.
.DESCRIPTION
    Needs only the .NET 10 SDK: run it with the pinned PowerShell, `dotnet tool restore` then `dotnet pwsh`.

    Build   compiles the cmdlets, regenerates the MAML help from docs/en-US, and stages an importable
            module at output/CometRunway/<version>/ (manifest, LICENSE, format and help files, bin/ with our
            two dlls).
    Test    runs Build, then every test: xunit (`dotnet test`), the Pester suite in tests/pester in a child
            `pwsh -NoProfile` against the staged module and the CometAPI emulator, then the package check
            (tests/pester, tag Package). Pester is the version build/Pester.csproj pins, restored from NuGet.
            Ends with one 'Total: N passed, N failed, N skipped' line; fails when anything failed.
    Package runs Build, then writes output/CometRunway.<version>.nupkg with Publish-PSResource to a
            temporary local repository (the package Install-PSResource / Install-Module accept).
    Demo    runs Build, starts the CometAPI emulator on a free loopback port, runs examples/Demo.ps1 (the
            module's headline pipeline) against it, shows the saved files, and stops the emulator.
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
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
$stagedManifest = Join-Path $stage 'CometRunway.psd1'
Import-Module (Join-Path $root 'build/EmulatorProcess.psm1'), (Join-Path $root 'build/TestRun.psm1') -Force

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
    Copy-Item -LiteralPath (Join-Path $root 'CometRunway.psd1'), (Join-Path $root 'LICENSE') -Destination $stage
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

    Test-ModuleManifest -Path $stagedManifest | Out-Null
    Write-Host "Staged CometRunway $version at $stage"
}

function Invoke-Test {
    $counts = @(Invoke-XunitSuite -Solution (Join-Path $root 'CometRunway.PowerShell.sln') -Configuration $Configuration -ResultsDirectory (Join-Path $output 'test-results'))

    $pester = Get-PinnedPesterManifest -RepositoryRoot $root
    $emulator = Start-EmulatorProcess -RepositoryRoot $root -Configuration $Configuration
    $testEnvironment = @{
        COMETRUNWAY_MODULE_PATH   = $stagedManifest
        COMETRUNWAY_CONFIGURATION = $Configuration
        COMETRUNWAY_EMULATOR_URL  = $emulator.BaseUri
        COMETRUNWAY_EMULATOR_KEY  = $emulator.ApiKey
    }
    $saved = Set-ProcessEnvironment $testEnvironment
    try {
        $tests = Join-Path $root 'tests/pester'
        $counts += Invoke-PesterSuite -Suite 'Pester' -PesterManifest $pester -Path $tests -ExcludeTag 'Package'
        $counts += Invoke-PesterSuite -Suite 'Package check' -PesterManifest $pester -Path $tests -Tag 'Package'
    }
    finally {
        $null = Set-ProcessEnvironment $saved
        Stop-EmulatorProcess -Emulator $emulator
    }

    $failed = Write-TestSummary -Counts $counts
    if ($failed -gt 0) { throw "$failed test(s) failed." }
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

function Invoke-Demo {
    $emulator = Start-EmulatorProcess -RepositoryRoot $root -Configuration $Configuration
    # What a user of the emulator sets (README, Quick start); restored afterwards.
    $saved = Set-ProcessEnvironment @{ COMETAPI_BASE_URL = $emulator.BaseUri; COMETAPI_KEY = $emulator.ApiKey }
    try {
        Write-Host "CometAPI emulator listening on $($emulator.BaseUri)"
        & (Join-Path $root 'examples/Demo.ps1') -ModulePath $stagedManifest -Destination (Join-Path $output 'demo')
    }
    finally {
        # Also on an error or Ctrl+C: PowerShell runs finally blocks when a script is stopped.
        $null = Set-ProcessEnvironment $saved
        Stop-EmulatorProcess -Emulator $emulator
        Write-Host 'Stopped the CometAPI emulator.'
    }
}

function Set-ProcessEnvironment([hashtable] $Values) {
    # Returns the previous values, so that passing them back restores the environment.
    $previous = @{}
    foreach ($name in $Values.Keys) {
        $previous[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Values[$name])
    }
    $previous
}

Invoke-Build
switch ($Task) {
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The package check (build.ps1 -Task Test runs it last, by its tag): build.ps1 -Task Package, then what a
    user does with the .nupkg, in child pwsh processes whose HOME is a temporary folder, so that the
    repository registration and the installed module touch nothing of this machine's own.
#>

Describe 'The package' -Tag 'Package' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
        $script:Emulator = Use-TestEmulator
        $root = Get-RepositoryRoot
        $script:SourceManifest = Import-PowerShellDataFile (Join-Path $root 'CometRunway.psd1')
        $script:Cmdlets = @($script:SourceManifest.CmdletsToExport)

        $script:Build = Invoke-Pwsh -File (Join-Path $root 'build.ps1') -ArgumentList '-Task', 'Package', '-Configuration', (Get-BuildConfiguration) -Timeout ([timespan]::FromMinutes(8))
        $script:Package = Join-Path $root "output/CometRunway.$($script:SourceManifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.ZipFile

        # A user of this machine, in miniature: HOME (hence the PSResourceGet store and the CurrentUser module
        # path) in the test drive, PSModulePath left for pwsh to compute from it. .local/share must exist:
        # without it .NET reports no LocalApplicationData folder, and PSResourceGet writes its store to the
        # current directory instead.
        $script:UserHome = Join-Path $TestDrive 'home'
        $script:Repository = Join-Path $TestDrive 'repository'
        $null = New-Item -ItemType Directory -Path (Join-Path $script:UserHome '.local/share'), (Join-Path $script:UserHome '.config'), $script:Repository
        if (Test-Path -LiteralPath $script:Package) { Copy-Item -LiteralPath $script:Package -Destination $script:Repository }
        $script:UserEnvironment = @{
            HOME              = $script:UserHome
            XDG_DATA_HOME     = $null
            XDG_CONFIG_HOME   = $null
            PSModulePath      = $null
            COMETAPI_BASE_URL = $script:Emulator.BaseUri
            COMETAPI_KEY      = $script:Emulator.ApiKey
        }

        function Invoke-AsUser([string] $Command) { Invoke-Pwsh -Command $Command -Environment $script:UserEnvironment -WorkingDirectory $script:UserHome }
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
    }

    It 'is built by build.ps1 -Task Package' {
        $script:Build.ExitCode | Should -Be 0 -Because $script:Build.Errors
        $script:Package | Should -Exist
    }

    It 'carries the manifest''s license, release notes for every cmdlet, and a PSCommand_ tag for each' {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package)
        try {
            $nuspec = [xml] ([System.IO.StreamReader]::new(($zip.Entries | Where-Object Name -Like '*.nuspec').Open()).ReadToEnd())
            $zip.Entries.FullName | Should -Contain 'LICENSE'
        }
        finally { $zip.Dispose() }

        $metadata = $nuspec.package.metadata
        $metadata.licenseUrl | Should -Be $script:SourceManifest.PrivateData.PSData.LicenseUri
        $tags = $metadata.tags -split ' '
        foreach ($cmdlet in $script:Cmdlets) {
            $tags | Should -Contain "PSCommand_$cmdlet"
            $metadata.releaseNotes | Should -Match ([regex]::Escape($cmdlet)) -Because 'the release notes name every cmdlet'
        }
        @($tags -like 'PSCommand_*').Count | Should -Be $script:Cmdlets.Count -Because 'no tag names a cmdlet the module does not export'
    }

    It 'installs with Install-PSResource from a folder repository, and Find-PSResource -Command finds every cmdlet' {
        $commands = ($script:Cmdlets | ForEach-Object { "'$_'" }) -join ','
        $result = Invoke-AsUser @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name CometRunwayTest -Uri '$script:Repository' -Trusted
foreach (`$command in $commands) { 'found ' + (Find-PSResource -Command `$command -Repository CometRunwayTest).ParentResource.Name + ' for ' + `$command }
Install-PSResource -Name CometRunway -Repository CometRunwayTest -Scope CurrentUser -TrustRepository -Quiet
'installed in ' + (Get-InstalledPSResource -Name CometRunway -Scope CurrentUser).InstalledLocation
"@

        $result.Errors | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
        foreach ($cmdlet in $script:Cmdlets) { $result.Output | Should -Match "found CometRunway for $cmdlet" }
        $result.Output | Should -Match "installed in $([regex]::Escape($script:UserHome))"
        Join-Path $script:UserHome '.local/share/PSResourceGet/PSResourceRepository.xml' | Should -Exist
    }

    It 'imports by name in a clean pwsh and runs a command' {
        $result = Invoke-AsUser @"
`$ErrorActionPreference = 'Stop'
Import-Module CometRunway
'module at ' + (Get-Module CometRunway).ModuleBase
Get-RunwayTask -Id demo-succeeded | ForEach-Object { 'task ' + `$_.Id + ' ' + `$_.Status }
"@

        $result.Errors | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
        $result.Output | Should -Match "module at $([regex]::Escape($script:UserHome))"
        $result.Output | Should -Match 'task demo-succeeded Succeeded'
    }
}

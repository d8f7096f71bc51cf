#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The staged module in a real pwsh: it imports, exports what its manifest lists, passes
    Test-ModuleManifest, and Get-Help -Full shows a full page for every cmdlet and the about topic.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    $cmdlets = @((Import-PowerShellDataFile (Get-StagedManifest)).CmdletsToExport)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    $script:Manifest = Get-StagedManifest
    Import-Module $script:Manifest -Force
}

AfterAll {
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'The staged module' {
    It 'imports from its manifest and exports exactly the cmdlets the manifest lists' {
        $module = Get-Module CometRunway
        $module.ModuleType | Should -Be 'Binary'
        (Get-Command -Module CometRunway).Name | Sort-Object | Should -Be ((Import-PowerShellDataFile $script:Manifest).CmdletsToExport | Sort-Object)
        (Get-Command -Module CometRunway).CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
    }

    It 'passes Test-ModuleManifest on the staged psd1' {
        $tested = Test-ModuleManifest -Path $script:Manifest -ErrorAction Stop
        $tested.Version | Should -Be (Get-Module CometRunway).Version
        $tested.ExportedCmdlets.Keys | Sort-Object | Should -Be ((Get-Command -Module CometRunway).Name | Sort-Object)
    }

    It 'ships its LICENSE beside the manifest' {
        Join-Path (Split-Path $script:Manifest) 'LICENSE' | Should -Exist
        Get-Content (Join-Path (Split-Path $script:Manifest) 'LICENSE') -TotalCount 1 | Should -Be 'MIT License'
    }
}

Describe 'Get-Help -Full for <_>' -ForEach $cmdlets {
    BeforeAll {
        $script:Help = Get-Help -Name $_ -Full -ErrorAction Stop
        $script:Text = $script:Help | Out-String -Width 120
    }

    It 'is the cmdlet page, not the generated stub' {
        $script:Help.Category | Should -Be 'Cmdlet'
        $script:Help.Synopsis | Should -Not -Match '^\s*\S+ \[\[?-' -Because 'a synopsis that repeats the syntax means no help file was found'
        $script:Text | Should -Not -Match '\{\{ ?Fill'
    }

    It 'shows every section' {
        foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $script:Text | Should -Match "(?m)^$section\s*$"
        }
        $script:Text | Should -Match '-{5,} Example 1: '
    }

    It 'describes every parameter it has' {
        $command = Get-Command $_
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $documented = @($script:Help.parameters.parameter | Where-Object { ($_.description | Out-String).Trim() }).name
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $documented | Should -Contain $parameter
        }
    }

    It 'has at least three examples, each with code and an explanation' {
        $examples = @($script:Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Get-Help about_CometRunway' {
    It 'shows the whole topic' {
        $topic = Get-Help about_CometRunway | Out-String -Width 120
        foreach ($section in 'AUTHENTICATION', 'FORMATS AND VERSIONS', 'WAITING', 'DOWNLOADS', 'RUNBOOKS', 'TROUBLESHOOTING') {
            $topic | Should -Match $section
        }
    }
}

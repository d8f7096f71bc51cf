#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The scripts in examples/, against the emulator, each in a fresh non-interactive pwsh:
    AzureAutomation-SaveRunwayVideos.ps1 as Azure Automation runs it (the module found by name, the key from
    an Automation variable, stood in for by a function, no COMETAPI_KEY), and Demo.ps1 as build.ps1 -Task Demo
    runs it (prompts to files: create, wait, save).
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
    $script:Emulator = Use-TestEmulator
    $script:Runbook = Join-Path (Get-RepositoryRoot) 'examples/AzureAutomation-SaveRunwayVideos.ps1'
    $script:Demo = Join-Path (Get-RepositoryRoot) 'examples/Demo.ps1'

    function Invoke-Runbook([string[]] $TaskId, [string] $Destination) {
        $command = @"
function Get-AutomationVariable { param([string] `$Name) if (`$Name -eq 'CometApiKey') { '$($script:Emulator.ApiKey)' } else { throw "No Automation variable `$Name." } }
& '$script:Runbook' -TaskId '$($TaskId -join "','")' -Destination '$Destination' -TimeoutSec 120
"@
        Invoke-Pwsh -Command $command -Environment @{
            COMETAPI_BASE_URL = $script:Emulator.BaseUri
            COMETAPI_KEY      = $null
            PSModulePath      = (Get-StagedModuleRoot) + [System.IO.Path]::PathSeparator + $env:PSModulePath
        }
    }

    function New-SampleTask([string] $State = 'Succeeded') {
        $id = New-TaskId 'runbook'
        $task = @{ id = $id; timeline = @(@{ state = $State }) }
        if ($State -eq 'Failed') { $task.failure = 'The input image was flagged.'; $task.failureCode = 'SAFETY.INPUT.IMAGE' }
        Add-EmulatedTask -Emulator $script:Emulator -Task $task
        $id
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'The Azure Automation runbook example' {
    BeforeAll {
        $script:Ids = (New-SampleTask), (New-SampleTask)
        $script:Destination = Join-Path $TestDrive 'renders'
        $script:First = Invoke-Runbook -TaskId $script:Ids -Destination $script:Destination
    }

    It 'saves every task''s video and writes one line per file' {
        $script:First.Errors | Should -BeNullOrEmpty
        $script:First.ExitCode | Should -Be 0
        foreach ($id in $script:Ids) {
            Join-Path $script:Destination "$id.mp4" | Should -Exist
            $script:First.Output | Should -Match ([regex]::Escape($id))
        }
    }

    It 'never prints the key it read from the Automation variable' {
        "$($script:First.Output)$($script:First.Errors)" | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }

    It 'can run again: files already saved are kept and reported, not refused' {
        $again = Invoke-Runbook -TaskId $script:Ids -Destination $script:Destination

        $again.Errors | Should -BeNullOrEmpty
        $again.ExitCode | Should -Be 0
        foreach ($id in $script:Ids) { $again.Output | Should -Match ([regex]::Escape($id)) }
    }

    It 'fails the job, naming the task, when a task failed' {
        $failed = New-SampleTask 'Failed'

        $result = Invoke-Runbook -TaskId (New-SampleTask), $failed -Destination (Join-Path $TestDrive 'failing')

        $result.ExitCode | Should -Not -Be 0
        $result.Errors | Should -Match ([regex]::Escape($failed))
        $result.Errors | Should -Match 'SAFETY\.INPUT\.IMAGE'
    }
}

Describe 'The demo script' {
    BeforeAll {
        $script:DemoOutput = Join-Path $TestDrive 'demo'
        $script:RunDemo = {
            Invoke-Pwsh -Command "& '$script:Demo' -Destination '$script:DemoOutput' -ModulePath '$(Get-StagedManifest)'" `
                -Environment @{ COMETAPI_BASE_URL = $script:Emulator.BaseUri; COMETAPI_KEY = $script:Emulator.ApiKey }
        }
    }

    It 'runs the headline pipeline from prompts to files and shows the saved files' {
        $result = & $script:RunDemo

        $result.Errors | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
        $result.Output | Should -Match 'Import-Csv .* \| New-RunwayFeedVideoTask \| Wait-RunwayTask \| Save-RunwayOutput'
        $result.Output | Should -Match 'Saved 2 file\(s\)'
        $files = @(Get-ChildItem -LiteralPath $script:DemoOutput -Filter '*.mp4')
        $files | Should -HaveCount 2
        foreach ($file in $files) { $result.Output | Should -Match ([regex]::Escape($file.Name)) }
    }

    It 'runs again, creating new tasks beside the files it saved before' {
        $again = & $script:RunDemo

        $again.Errors | Should -BeNullOrEmpty
        $again.Output | Should -Match 'Saved 2 file\(s\)'
        @(Get-ChildItem -LiteralPath $script:DemoOutput -Filter '*.mp4') | Should -HaveCount 4
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The headline pipelines against the emulator, as a user runs them in pwsh: objects flow from one cmdlet
    to the next, errors carry their ids, -WhatIf writes nothing, and the key never shows.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
    Import-Module (Get-StagedManifest) -Force
    $script:Emulator = Enter-TestSession
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'Pipelines against the emulator' {
    BeforeEach {
        $script:Out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'saves a finished video from Get-RunwayTask | Wait-RunwayTask | Save-RunwayOutput' {
        $files = Get-RunwayTask -Id demo-succeeded | Wait-RunwayTask -PollIntervalSec 1 | Save-RunwayOutput -Path $script:Out -PassThru

        $files | Should -HaveCount 1
        $files[0] | Should -BeOfType System.IO.FileInfo
        $files[0].TaskId | Should -Be 'demo-succeeded'
        $files[0].Name | Should -Be 'demo-succeeded.mp4'
        $files[0].Length | Should -BeGreaterThan 0
    }

    It 'waits for unfinished tasks and saves each one once it succeeds' {
        $ids = (New-TaskId), (New-TaskId)
        $ids | ForEach-Object { @{ id = $_; succeedsAfterSeconds = 3 } } | Add-EmulatedTask -Emulator $script:Emulator

        $files = $ids | Wait-RunwayTask -Format Feed -PollIntervalSec 1 -Timeout 120 | Save-RunwayOutput -LiteralPath $script:Out -PassThru

        $files.TaskId | Sort-Object | Should -Be ($ids | Sort-Object)
    }

    It 'lists what it would write with -WhatIf and writes nothing' {
        # What-if lines go straight to the host and cannot be redirected: read them from a child pwsh's stdout.
        $result = Invoke-Pwsh -Command "Import-Module '$(Get-StagedManifest)'; Get-RunwayTask -Id demo-succeeded | Save-RunwayOutput -Path '$script:Out' -WhatIf" -Environment @{
            COMETAPI_BASE_URL = $script:Emulator.BaseUri
            COMETAPI_KEY      = $script:Emulator.ApiKey
        }

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match 'What if: .*Save output 1 of task demo-succeeded'
        $result.Output | Should -Match 'demo-succeeded\.mp4'
        Test-Path $script:Out | Should -BeFalse
    }

    It 'reports a failed task as a RunwayTaskFailed error with the task as target' {
        $null = Wait-RunwayTask -Id demo-failed -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RunwayTaskFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failures[0].TargetObject.Id | Should -Be 'demo-failed'
    }

    It 'ends a wait at -Timeout with one OperationTimeout error per unfinished task' {
        $id = New-TaskId 'slow'
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Running'; progress = 0.1 }) }

        $null = Wait-RunwayTask -Id $id -Timeout 2 -PollIntervalSec 1 -ErrorVariable timeouts -ErrorAction SilentlyContinue

        $timeouts | Should -HaveCount 1
        $timeouts[0].FullyQualifiedErrorId | Should -BeLike 'RunwayTaskWaitTimeout,*'
        $timeouts[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $timeouts[0].ToString() | Should -Match 'still RUNNING'
    }

    It 'never shows the key, in any stream, even with -Verbose and -Debug' {
        $all = Get-RunwayTask -Id demo-succeeded, missing-x -Verbose -Debug *>&1 | Out-String
        $all | Should -Match 'task_not_exist|not visible'
        $all | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    Progress as a real host receives it: a child pwsh (ConsoleHost) started with -OutputFormat XML writes
    every progress record its host is given to stderr as CLIXML, in order.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
    $script:Emulator = Use-TestEmulator
    $script:Environment = @{ COMETAPI_BASE_URL = $script:Emulator.BaseUri; COMETAPI_KEY = $script:Emulator.ApiKey }
    $script:Manifest = Get-StagedManifest

    function Invoke-InHost([string] $Command) {
        $result = Invoke-Pwsh -XmlOutput -Command "Import-Module '$script:Manifest'; $Command" -Environment $script:Environment
        $result.TimedOut | Should -BeFalse
        $result.ExitCode | Should -Be 0
        Read-ProgressRecord -CliXml $result.Errors
    }

    function Assert-ProgressCompleted([object[]] $Records) {
        $Records | Should -Not -BeNullOrEmpty
        $activities = $Records.ActivityId | Select-Object -Unique
        foreach ($activity in $activities) {
            ($Records | Where-Object ActivityId -EQ $activity | Select-Object -Last 1).RecordType | Should -Be 'Completed' -Because "activity $activity ends completed"
        }
        foreach ($child in $Records | Where-Object ParentActivityId -NE -1) {
            $activities | Should -Contain $child.ParentActivityId -Because 'a child record names a parent the host was given'
        }
        $Records[-1].RecordType | Should -Be 'Completed' -Because 'nothing is left on screen after the command'
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Progress in a real host' {
    It 'Wait-RunwayTask writes progress while it waits and completes every activity at the end' {
        $ids = (New-TaskId 'progress'), (New-TaskId 'progress')
        $ids | ForEach-Object { @{ id = $_; succeedsAfterSeconds = 3 } } | Add-EmulatedTask -Emulator $script:Emulator

        $records = @(Invoke-InHost "Wait-RunwayTask -Id '$($ids -join "','")' -PollIntervalSec 1 -Timeout 120 | Out-Null")

        Assert-ProgressCompleted $records
        @($records | Where-Object RecordType -EQ 'Processing').Count | Should -BeGreaterThan 0
    }

    It 'Wait-RunwayTask keeps writing progress, with the elapsed time, while a task stays PENDING' {
        # A console paints its progress pane only for a record that arrives after its own timer: a quiet task's last
        # change is painted only if more records follow, so the wait writes a heartbeat.
        $id = New-TaskId 'progress'
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Pending' }) }

        $records = @(Invoke-InHost "Wait-RunwayTask -Id '$id' -PollIntervalSec 1 -Timeout 5 -ErrorAction SilentlyContinue | Out-Null; exit 0")

        Assert-ProgressCompleted $records
        $firstPending = [array]::FindIndex([object[]] $records, [Predicate[object]] { param($r) $r.StatusDescription -eq 'PENDING' })
        $firstPending | Should -BeGreaterOrEqual 0 -Because 'the task was read as PENDING'
        $parentsAfter = @($records | Select-Object -Skip ($firstPending + 1) | Where-Object { $_.ParentActivityId -eq -1 -and $_.RecordType -eq 'Processing' })
        $parentsAfter.Count | Should -BeGreaterThan 1 -Because 'the parent record keeps coming while nothing changes'
        $parentsAfter[-1].StatusDescription | Should -Match '^0 of 1 tasks done, \d+s$'
    }

    It 'Save-RunwayOutput writes progress for its downloads and completes every activity at the end' {
        $id = New-TaskId 'progress'
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Succeeded' }); output = @("files/$id-1.mp4", "files/$id-2.mp4", "files/$id-3.png") }
        $destination = Join-Path $TestDrive 'saved'

        $records = @(Invoke-InHost "Get-RunwayTask -Id '$id' | Save-RunwayOutput -Path '$destination' | Out-Null")

        Assert-ProgressCompleted $records
        @(Get-ChildItem -LiteralPath $destination).Count | Should -Be 3
    }

    It 'writes no progress record when $ProgressPreference is SilentlyContinue' {
        $id = New-TaskId 'progress'
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Succeeded' }) }

        $records = @(Invoke-InHost "`$ProgressPreference = 'SilentlyContinue'; Wait-RunwayTask -Id '$id' | Save-RunwayOutput -Path '$TestDrive' | Out-Null")

        $records | Should -BeNullOrEmpty
    }
}

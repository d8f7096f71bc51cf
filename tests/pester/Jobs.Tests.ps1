#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    Task objects made in other runspaces and processes, piped on to the next cmdlet: thread jobs and
    ForEach-Object -Parallel hand over live objects; Start-Job and Export-Clixml/Import-Clixml hand over
    deserialized ones, which bind by property name (Id, Format, BaseUri) like hand-made objects.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    $script:Manifest = Get-StagedManifest
    Import-Module $script:Manifest -Force
    $script:Emulator = Enter-TestSession

    function New-FinishedTask {
        $id = New-TaskId 'job'
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Succeeded' }) }
        $id
    }

    # A task as another process hands it over: through Start-Job, or a file written by Export-Clixml.
    function Get-DeserializedTask([string] $Via, [string] $Id, [string] $Reader = 'Get-RunwayTask') {
        if ($Via -eq 'Start-Job') {
            return Start-Job { Import-Module $using:Manifest; & $using:Reader $using:Id } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        }
        $path = Join-Path $TestDrive "$([guid]::NewGuid()).clixml"
        & $Reader $Id | Export-Clixml -LiteralPath $path
        Import-Clixml -LiteralPath $path
    }

    function Assert-Bound([object[]] $BindErrors) {
        $BindErrors | Should -BeNullOrEmpty
    }

    function Assert-Saved([object[]] $Files, [string[]] $TaskId) {
        $Files.TaskId | Sort-Object | Should -Be ($TaskId | Sort-Object)
        foreach ($file in $Files) {
            $file | Should -BeOfType System.IO.FileInfo
            $file.FullName | Should -Exist
            $file.Length | Should -BeGreaterThan 0
        }
    }
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'Task objects from other runspaces and processes' {
    BeforeEach {
        $script:Destination = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'from Start-ThreadJob, piped to Wait-RunwayTask | Save-RunwayOutput' {
        $ids = (New-FinishedTask), (New-FinishedTask)
        $tasks = Start-ThreadJob { Import-Module $using:Manifest; Get-RunwayTask -Id $using:ids } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop

        $files = $tasks | Wait-RunwayTask -Timeout 60 | Save-RunwayOutput -Path $script:Destination -PassThru

        Assert-Saved $files $ids
    }

    It 'from ForEach-Object -Parallel, piped to Save-RunwayOutput' {
        $ids = (New-FinishedTask), (New-FinishedTask), (New-FinishedTask)
        $manifest = $script:Manifest

        $files = $ids | ForEach-Object -ThrottleLimit 3 -Parallel { Import-Module $using:manifest; Get-RunwayTask -Id $_ } |
            Save-RunwayOutput -Path $script:Destination -PassThru

        Assert-Saved $files $ids
    }

    It 'inside Start-Job: the whole pipeline runs in the job process' {
        $id = New-FinishedTask
        $destination = $script:Destination

        $saved = Start-Job { Import-Module $using:Manifest; Get-RunwayTask -Id $using:id | Wait-RunwayTask -Timeout 60 | Save-RunwayOutput -Path $using:destination -PassThru } |
            Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop

        $saved.TaskId | Should -Be $id
        Join-Path $destination "$id.mp4" | Should -Exist
    }

    It 'deserialized by <_>, piped to Wait-RunwayTask | Save-RunwayOutput' -ForEach 'Start-Job', 'Import-Clixml' {
        $id = New-FinishedTask
        $tasks = Get-DeserializedTask -Via $_ -Id $id

        $files = $tasks | Wait-RunwayTask -Timeout 60 -ErrorVariable bindErrors -ErrorAction SilentlyContinue |
            Save-RunwayOutput -Path $script:Destination -PassThru

        Assert-Bound $bindErrors
        Assert-Saved $files $id
    }

    It 'deserialized by Import-Clixml, piped straight to Save-RunwayOutput' {
        $id = New-FinishedTask

        $files = Get-DeserializedTask -Via Import-Clixml -Id $id | Save-RunwayOutput -Path $script:Destination -PassThru -ErrorVariable bindErrors -ErrorAction SilentlyContinue

        Assert-Bound $bindErrors
        Assert-Saved $files $id
    }

    It 'deserialized by Import-Clixml, a feed task is polled through the feed route' {
        $id = New-FinishedTask

        $task = Get-DeserializedTask -Via Import-Clixml -Id $id -Reader Get-RunwayFeedTask | Wait-RunwayTask -Timeout 60

        $routes = (Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/requests") |
            Where-Object { $_.path -like "*/$id" -or $_.body -like "*$id*" } | ForEach-Object path
        $task.Format | Should -Be 'Feed'
        $routes | Should -Not -Contain "/runwayml/v1/tasks/$id"
    }
}

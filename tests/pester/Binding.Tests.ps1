#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    What the task commands take from the pipeline and the prompt, in a real pwsh: ids typed at the mandatory
    prompt, Import-Csv rows (with a column of another name: a clear error at once), tasks exported with
    Export-Csv and read back, and tasks a later session reads from a file.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/ChildPwsh.psm1')
    $script:Manifest = Get-StagedManifest
    Import-Module $script:Manifest -Force
    $script:Emulator = Enter-TestSession
    $script:ChildEnvironment = @{ COMETAPI_BASE_URL = $script:Emulator.BaseUri; COMETAPI_KEY = $script:Emulator.ApiKey }

    function New-FinishedTask([string] $Prefix = 'bind') {
        $id = New-TaskId $Prefix
        Add-EmulatedTask -Emulator $script:Emulator -Task @{ id = $id; timeline = @(@{ state = 'Succeeded' }) }
        $id
    }
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'The mandatory prompt' {
    It '<Command> asks for ids (<Parameter>[0]:) and reads the ids typed' -ForEach @(
        @{ Command = 'Wait-RunwayTask -Timeout 60'; Parameter = 'Id' }
        @{ Command = 'Get-RunwayTask'; Parameter = 'Id' }
        @{ Command = 'Get-RunwayFeedTask'; Parameter = 'TaskId' }
    ) {
        $first, $second = (New-FinishedTask), (New-FinishedTask)

        $result = Invoke-Pwsh -Command "Import-Module '$script:Manifest'; $Command | ForEach-Object Id" -InputText "$first`n$second`n`n" -Environment $script:ChildEnvironment -Timeout ([timespan]::FromMinutes(2))

        $result.TimedOut | Should -BeFalse
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Match ([regex]::Escape("$Parameter[0]: $first"))
        $result.Output | Should -Match ([regex]::Escape("$Parameter[1]: $second"))
        ($result.Output -split '\r?\n') | Should -Contain $first
        ($result.Output -split '\r?\n') | Should -Contain $second
    }
}

Describe 'Rows of Import-Csv' {
    BeforeEach {
        $script:Csv = Join-Path $TestDrive "$([guid]::NewGuid()).csv"
    }

    It 'bind by an Id, TaskId or task_id column, with an optional Format column' {
        $ids = (New-FinishedTask), (New-FinishedTask)
        @([pscustomobject]@{ task_id = $ids[0]; Format = 'Feed' }, [pscustomobject]@{ task_id = $ids[1]; Format = '' }) | Export-Csv -LiteralPath $script:Csv

        $tasks = Import-Csv -LiteralPath $script:Csv | Wait-RunwayTask -Timeout 60

        $tasks.Id | Sort-Object | Should -Be ($ids | Sort-Object)
        ($tasks | Where-Object Id -EQ $ids[0]).Format | Should -Be 'Feed'
        ($tasks | Where-Object Id -EQ $ids[1]).Format | Should -Be 'Official'
    }

    It 'with no id column are one error each, at once, naming the columns' {
        "task-id,prompt`nok1,a cat`nok2,a dog" | Set-Content -LiteralPath $script:Csv

        $tasks = Import-Csv -LiteralPath $script:Csv | Wait-RunwayTask -Timeout 300 -ErrorVariable problems -ErrorAction SilentlyContinue

        $tasks | Should -BeNullOrEmpty
        $problems | Should -HaveCount 2
        $problems.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'TaskIdPropertyMissing,*' }
        $problems[0].ToString() | Should -Match 'task-id, prompt'
        $problems[0].TargetObject.'task-id' | Should -Be 'ok1'
        # Nothing was asked of the server: the objects were not taken for ids such as '@{task-id=ok1}'.
        (Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/requests") | Where-Object { "$($_.path) $($_.body)" -match 'ok1|ok2' } | Should -BeNullOrEmpty
    }

    It 'of tasks written by Export-Csv are saved from their Output links' {
        $id = New-FinishedTask
        Get-RunwayTask -Id $id | Export-Csv -LiteralPath $script:Csv
        $destination = Join-Path $TestDrive ([guid]::NewGuid())

        $files = Import-Csv -LiteralPath $script:Csv | Save-RunwayOutput -Path $destination -PassThru

        $files.TaskId | Should -Be $id
        $files.Name | Should -Be "$id.mp4"
    }
}

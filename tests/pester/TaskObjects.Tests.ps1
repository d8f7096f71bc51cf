#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    Task objects as the rest of PowerShell sees them: Export-Csv and ConvertTo-Json write what a user means
    (the links, the status by name), while comparisons and types stay what scripts rely on.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    Import-Module (Get-StagedManifest) -Force
    $script:Emulator = Enter-TestSession

    $script:Id = New-TaskId 'objects'
    Add-EmulatedTask -Emulator $script:Emulator -Task @{
        id = $script:Id; timeline = @(@{ state = 'Succeeded' })
        output = @("files/$($script:Id)-a.mp4", "files/$($script:Id)-b.mp4"); assets = @{ poster = "files/$($script:Id).png" }
    }
    $script:Task = Get-RunwayFeedTask -TaskId $script:Id
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'A task in Export-Csv' {
    BeforeAll {
        $script:Row = $script:Task | ConvertTo-Csv | ConvertFrom-Csv
    }

    It 'writes the output and asset links, separated by spaces' {
        $script:Row.Output -split ' ' | Should -Be ($script:Task.Output.AbsoluteUri)
        $script:Row.Assets | Should -Be $script:Task.Assets[0].AbsoluteUri
    }

    It 'writes no type names' {
        $script:Task | ConvertTo-Csv | Out-String | Should -Not -Match 'System\.|CometRunway\.Core\.|Dictionary'
    }

    It 'writes the status and route by name' {
        $script:Row.Status | Should -Be 'Succeeded'
        $script:Row.Format | Should -Be 'Feed'
    }
}

Describe 'A task in ConvertTo-Json' {
    It 'writes the status and route by name, <How>' -ForEach @(@{ How = 'by default'; Options = @{} }, @{ How = 'with -EnumsAsStrings'; Options = @{ EnumsAsStrings = $true } }) {
        $json = $script:Task | ConvertTo-Json -Depth 5 @Options | ConvertFrom-Json

        $json.Status | Should -Be 'Succeeded'
        $json.Format | Should -Be 'Feed'
        $json.Output | Should -Be ($script:Task.Output.AbsoluteUri)
    }
}

Describe 'A task in scripts' {
    It 'compares its status with names and with the enum' {
        $script:Task.Status -eq 'Succeeded' | Should -BeTrue
        $script:Task.Status -eq [CometRunway.Core.Tasks.RunwayTaskStatus]::Succeeded | Should -BeTrue
        $script:Task.Status -in 'Failed', 'Cancelled' | Should -BeFalse
        $script:Task.Status | Should -BeOfType CometRunway.Core.Tasks.RunwayTaskStatus
        switch ($script:Task.Status) { 'Succeeded' { $matched = $true } }
        $matched | Should -BeTrue
    }

    It 'lists its links as URIs' {
        $script:Task.Output | Should -HaveCount 2
        $script:Task.Output[0] | Should -BeOfType System.Uri
        $script:Task.Output[0].AbsolutePath | Should -BeLike '*-a.mp4'
    }
}

Describe 'A task through Export-Clixml and Import-Clixml' {
    It 'keeps its status and route by name, so it compares as a live one does' {
        $path = Join-Path $TestDrive 'task.clixml'
        $script:Task | Export-Clixml -LiteralPath $path
        $back = Import-Clixml -LiteralPath $path

        $back.Status -eq 'Succeeded' | Should -BeTrue
        $back.Format -eq 'Feed' | Should -BeTrue
        $back.Output | Should -Be $script:Task.Output
    }
}

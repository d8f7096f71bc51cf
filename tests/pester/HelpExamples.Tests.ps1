#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    Help examples are tests: every example of every page in docs/en-US runs in a fresh pwsh against the
    emulator, and shows its documented result. Support/HelpExamples.psm1 says how; a page added later is
    picked up without any change here.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Support/HelpExamples.psm1')
    $examples = @(Get-HelpExample | ForEach-Object { @{ Page = $_.Page; Title = $_.Title; Output = $_.Output } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/HelpExamples.psm1'), (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    $script:Emulator = Use-TestEmulator
    Add-SampleTask -Emulator $script:Emulator
    $script:Scratch = Join-Path $TestDrive 'examples'
    $null = New-Item -ItemType Directory -Path $script:Scratch
    # All at once in BeforeAll, a few in parallel: each example is a process of its own.
    $script:Results = Invoke-HelpExample -Example (Get-HelpExample) -Emulator $script:Emulator -ScratchRoot $script:Scratch
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Help example' {
    It '<Page>: <Title>' -ForEach $examples {
        $result = $script:Results["$($Page): $Title"]
        $result.TimedOut | Should -BeFalse -Because 'an example ends by itself'
        $result.Errors | Should -BeNullOrEmpty -Because 'an example runs without errors, and one that handles its errors prints no red text'
        $result.ExitCode | Should -Be 0
        Compare-DocumentedOutput -Documented $Output -Actual $result.Output | Should -BeNullOrEmpty
    }
}

Describe 'The examples Get-Help shows' {
    BeforeAll {
        Import-Module (Get-StagedManifest) -Force
    }

    AfterAll {
        Remove-Module CometRunway -ErrorAction Ignore
    }

    It 'are the examples the tests run, code for code, with no output or prose in the code' {
        foreach ($cmdlet in (Get-Command -Module CometRunway).Name) {
            $shown = @((Get-Help $cmdlet -Examples).examples.example | ForEach-Object { $_.code })
            $tested = @(Get-HelpExample | Where-Object Page -EQ $cmdlet | ForEach-Object Code)
            $shown.Count | Should -Be $tested.Count -Because "every example of $cmdlet is tested"
            for ($i = 0; $i -lt $shown.Count; $i++) {
                $shown[$i] | Should -BeExactly $tested[$i]
                $shown[$i] | Should -Not -Match '(?m)^(What if:|WARNING:|VERBOSE:)'
            }
        }
    }
}

Describe 'The documented-output rule' {
    It '<Name>' -ForEach @(
        @{ Name = 'a line of the block matches a printed line, runs of spaces compared as one'; Documented = "Id   Status`nt1 Succeeded"; Actual = "Id Status`n-- ------`nt1    Succeeded"; Holds = $true }
        @{ Name = '... stands for any text'; Documented = 't1 Succeeded ... t1.mp4'; Actual = 't1 Succeeded 100 IMAGE_TO_VIDEO 3s t1.mp4'; Holds = $true }
        @{ Name = 'lines may come in another order'; Documented = "t2 Succeeded`nt1 Succeeded"; Actual = "t1 Succeeded`nt2 Succeeded"; Holds = $true }
        @{ Name = 'a documented line that was not printed breaks it'; Documented = "t1 Succeeded`nt2 Succeeded"; Actual = 't1 Succeeded'; Holds = $false }
        @{ Name = 'one printed line serves one documented line only'; Documented = "t1 ...`nt1 ..."; Actual = 't1 Succeeded'; Holds = $false }
        @{ Name = 'a line must match whole, not in part'; Documented = 'Succeeded'; Actual = 't1 Succeeded'; Holds = $false }
        @{ Name = 'without a block, printing anything breaks it'; Documented = $null; Actual = 'WARNING: something'; Holds = $false }
        @{ Name = 'without a block, printing blank lines only holds'; Documented = $null; Actual = "`n   `n"; Holds = $true }
    ) {
        $problem = Compare-DocumentedOutput -Documented $Documented -Actual $Actual
        [bool] (-not $problem) | Should -Be $Holds
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The bad-input corpus (tests/corpus/bad-input.psd1): every case in a fresh runspace against the emulator, with a
    time limit. Each ends in the error it names (its id, a message naming the thing) or in a correct acceptance;
    none hangs, none shows the key. The counts by verdict are printed at the end.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Corpus.psm1') -Force
    $script:Cases = @(Get-CorpusCase -Path (Join-Path $PSScriptRoot '../../corpus/bad-input.psd1'))
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Corpus.psm1') -Force
    $script:Manifest = Get-StagedManifest
    $script:Emulator = Enter-TestSession
    $script:Verdicts = [System.Collections.Generic.List[object]]::new()
    $script:AllCases = @(Get-CorpusCase -Path (Join-Path $PSScriptRoot '../../corpus/bad-input.psd1'))
}

AfterAll {
    $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.BaseUri.TrimEnd('/'))/_emulator/reset"
    Exit-TestSession $script:Emulator
    $passed = @($script:Verdicts | Where-Object Passed)
    $lines = @("Bad-input corpus: $($script:Verdicts.Count) cases run")
    foreach ($group in $script:Verdicts | Group-Object Verdict | Sort-Object Name) {
        $right = @($group.Group | Where-Object Passed).Count
        $label = if ($group.Name -eq 'Error') { 'clear errors with the expected id' } else { 'correct acceptances' }
        $lines += "  {0,-34} {1,3} of {2,3}" -f $label, $right, $group.Count
    }
    $lines += "  {0,-34} {1,3}" -f 'wrong verdict', ($script:Verdicts.Count - $passed.Count - @($script:Verdicts | Where-Object Hung).Count)
    $lines += "  {0,-34} {1,3}" -f 'hung (time limit reached)', @($script:Verdicts | Where-Object Hung).Count
    $lines += '  by area: ' + (($script:Verdicts | Group-Object Area | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', ')
    Write-Host ($lines -join [Environment]::NewLine)
}

Describe 'The bad-input corpus' {
    It 'has at least 60 cases, each named once' {
        $script:AllCases.Count | Should -BeGreaterOrEqual 60
        ($script:AllCases.Name | Sort-Object -Unique).Count | Should -Be $script:AllCases.Count
        $script:AllCases | ForEach-Object { $_.Verdict | Should -BeIn 'Error', 'Accepted' }
    }

    It '<Area>: <Name>' -ForEach $script:Cases {
        $case = $_
        $result = Invoke-CorpusCase -Case $case -Manifest $script:Manifest -Emulator $script:Emulator -WorkDirectory $TestDrive
        $wrong = @(Get-CorpusVerdict -Case $case -Result $result -ApiKey $script:Emulator.ApiKey)
        $script:Verdicts.Add([pscustomobject]@{ Name = $case.Name; Area = $case.Area; Verdict = $case.Verdict; Passed = $wrong.Count -eq 0; Hung = $result.Hung })

        $wrong | Should -BeNullOrEmpty -Because "$($case.Script) should end in $($case.Verdict) $($case.ErrorId)"
    }
}

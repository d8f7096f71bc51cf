#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The bad-input corpus of the create cmdlets (Corpus/create-inputs.psd1), in a real pwsh against the emulator:
    each case ends in one error with its id, naming its parameter, and no task is created.
#>

BeforeDiscovery {
    $cases = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Corpus/create-inputs.psd1')).Cases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1')
    Import-Module (Get-StagedManifest) -Force
    $script:Emulator = Enter-TestSession
    $script:Folder = Join-Path $TestDrive 'inputs'
    $null = New-Item -ItemType Directory -Path $script:Folder
    [System.IO.File]::WriteAllBytes((Join-Path $script:Folder 'still.png'), [byte[]] (0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) + [byte[]]::new(56))
    Set-Content -LiteralPath (Join-Path $script:Folder 'notes.txt') -Value 'not an image'
    Push-Location -LiteralPath $script:Folder
}

AfterAll {
    Pop-Location
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe 'Bad create input' {
    It '<Command> is <ErrorId> naming <Parameter>' -ForEach $cases {
        $before = (Invoke-RestMethod -Uri "$($script:Emulator.BaseUri)/_emulator/created").count
        $errors = $null
        $output = $null

        # A bad -Route stops the command (a terminating error); the others are one error each.
        try { $output = Invoke-Expression "$Command -ErrorAction SilentlyContinue -ErrorVariable errors" }
        catch { $errors = @($_) }

        $output | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId.Split(',')[0] | Should -Be $ErrorId
        $errors[0].Exception.ParameterName | Should -Be $Parameter
        $errors[0].Exception.Message | Should -Not -Match ([regex]::Escape($script:Emulator.ApiKey))
        (Invoke-RestMethod -Uri "$($script:Emulator.BaseUri)/_emulator/created").count | Should -Be $before
    }
}

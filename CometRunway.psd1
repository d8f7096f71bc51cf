@{
    RootModule           = 'bin/CometRunway.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '6f0b7c1e-3d2a-4f5e-9a8b-2c1d0e4f6a7b'
    Author               = 'CometRunway contributors'
    CompanyName          = 'CometRunway'
    Copyright            = '(c) CometRunway contributors. MIT License.'
    Description          = 'Read, wait for and download Runway video-generation tasks run through CometAPI.'
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('CometRunway.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-CometApi'
        'Disconnect-CometApi'
        'Get-RunwayFeedTask'
        'Get-RunwayTask'
        'Wait-RunwayTask'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Runway', 'CometAPI', 'Video', 'AI', 'GenerativeAI', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/cometrunway/CometRunway'
            LicenseUri   = 'https://github.com/cometrunway/CometRunway/blob/main/LICENSE'
            ReleaseNotes = 'First release: Get-RunwayTask, Get-RunwayFeedTask, Connect-CometApi, Disconnect-CometApi.'
        }
    }
}

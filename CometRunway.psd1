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
    TypesToProcess       = @('CometRunway.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-CometApi'
        'Disconnect-CometApi'
        'Get-RunwayFeedTask'
        'Get-RunwayTask'
        'Save-RunwayOutput'
        'Wait-RunwayTask'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            # PSCommand_<name>: what Find-PSResource -Command searches; one per cmdlet in CmdletsToExport.
            Tags         = @(
                'Runway', 'CometAPI', 'Video', 'AI', 'GenerativeAI', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS'
                'PSCommand_Connect-CometApi', 'PSCommand_Disconnect-CometApi', 'PSCommand_Get-RunwayFeedTask'
                'PSCommand_Get-RunwayTask', 'PSCommand_Save-RunwayOutput', 'PSCommand_Wait-RunwayTask'
            )
            ProjectUri   = 'https://github.com/cometrunway/CometRunway'
            LicenseUri   = 'https://github.com/cometrunway/CometRunway/blob/main/LICENSE'
            ReleaseNotes = @'
First release.
- Connect-CometApi and Disconnect-CometApi remember and forget a CometAPI key and base address per runspace.
- Get-RunwayTask reads tasks in the official format (GET /runwayml/v1/tasks/{id}); Get-RunwayFeedTask in the compatibility format (POST /runway/feed).
- Wait-RunwayTask waits for one task or thousands, with progress, -Timeout, -Any and Ctrl+C.
- Save-RunwayOutput downloads the videos and images of finished tasks in parallel, resumably, never leaving a partial file at a final path.
'@
        }
    }
}

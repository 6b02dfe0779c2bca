; Inno Setup 6 script: the Windows installer for Clickwage.
;
;   py packaging\build.py                                 (makes dist\Clickwage\)
;   iscc packaging\windows\clickwage.iss                  (makes dist\Clickwage-<version>-setup.exe)
;   iscc /DAppVersion=0.2.0 packaging\windows\clickwage.iss   (another version number)
;
; Installs for the current user by default (no administrator rights needed), or for
; everyone when asked. Uninstalling removes the program, never the user's data in
; %LOCALAPPDATA%\Clickwage: that is their journal and their evidence.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Clickwage"
#define AppExe "Clickwage.exe"
#define Bundle "..\..\dist\Clickwage"

[Setup]
; The AppId identifies the program for upgrades and uninstallation: never change it.
AppId={{4A8244A6-1331-4CA9-96F4-20BC3F90DF7F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clickwage developers
AppPublisherURL=https://github.com/clickwage/clickwage
AppSupportURL=https://github.com/clickwage/clickwage/issues
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=Clickwage-{#AppVersion}-setup
SetupIconFile=clickwage.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Qt 6 runs on 64-bit Windows 10 1809 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
; Close a running Clickwage before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole onedir bundle: Clickwage.exe (the window), clickwage-cli.exe (the command
; line, for hotkeys and scripts) and _internal\ (Python, Qt, resources).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "io.github.clickwage.Clickwage"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; AppUserModelID: "io.github.clickwage.Clickwage"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

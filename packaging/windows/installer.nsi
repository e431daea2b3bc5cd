; The Windows installer of 法官工作量计算器 (makensis on Debian: packaging/windows/build.sh).
; Installs per machine under Program Files, a Start-menu entry and an uninstaller; the program's
; data (database, settings, log) stays in each user's profile (%LOCALAPPDATA%\workload-app) and
; is neither written nor removed here. Silent: setup.exe /S [/D=C:\other\folder]
; Defined by build.sh: VERSION, SRC (the PyInstaller onedir), OUTFILE.
Unicode true
Target amd64-unicode
; zlib: much quicker to pack on the build machine than lzma, for a somewhat larger installer
SetCompressor zlib
ManifestDPIAware true
RequestExecutionLevel admin

!define APP "法官工作量计算器"
!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WorkloadApp"

!include "MUI2.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\WorkloadApp"
InstallDirRegKey HKLM "${KEY}" "InstallLocation"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${APP}"

!define MUI_ICON "${SRC}/_internal/resources/icons/app.ico"
!define MUI_UNICON "${SRC}/_internal/resources/icons/app.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\workload-app.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP} 需要 64 位 Windows 10 或 11。"
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; an update replaces the program's folder whole (no stale library from an older version)
  RMDir /r "$INSTDIR\_internal"
  File /r "${SRC}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\workload-app.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\卸载 ${APP}.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${KEY}" "Publisher" "${APP}"
  WriteRegStr HKLM "${KEY}" "DisplayIcon" "$INSTDIR\workload-app.exe"
  WriteRegStr HKLM "${KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\卸载 ${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  ; only the program's own files: the folder is removed only when nothing else is left in it
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\workload-app.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${KEY}"
SectionEnd

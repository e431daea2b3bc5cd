/* bcryptprimitives.dll for the BUILD MACHINE's wine prefix only (never shipped in a bundle).
 *
 * Rust's standard library (python-calamine is Rust) imports ProcessPrng from bcryptprimitives.dll,
 * which every Windows 10/11 has and wine 8 lacks. This stand-in fills the buffer from
 * RtlGenRandom (advapi32!SystemFunction036), which wine implements, so that the Windows build can
 * be tested under wine. packaging/windows/build.sh compiles it with mingw-w64 into the prefix's
 * system32, and checks that no copy of it ends up in the bundle. */
#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

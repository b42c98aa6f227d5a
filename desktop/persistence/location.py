"""Where the data file lives: is it on a network share?

SQLite relies on file locks that network file systems (NFS, SMB/CIFS, SSHFS…) often
implement badly or not at all; two computers writing the same file there can corrupt it.
The application only warns: the detection may be wrong, and one user alone on a share is
usually fine.

The parsing functions are pure (text in, answer out) so every platform's rules are tested
anywhere; `network_share_kind` reads the running system's mount table.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

# Linux /proc/mounts and macOS `mount` file-system types that live on another computer.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "ncpfs",
        "coda",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "9p",  # also WSL's view of Windows drives, where SQLite locking is unreliable too
        "sshfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.cephfs",
    }
)

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def is_network_fs_type(fs_type: str) -> bool:
    """True for a file-system type name that designates a network share."""
    kind = fs_type.strip().lower()
    return kind in NETWORK_FS_TYPES or kind.startswith(("nfs", "smb"))


def _unescape_mount_field(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a backslash as \134.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) pairs of a Linux /proc/mounts text."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape_mount_field(fields[1]), fields[2]))
    return mounts


_MAC_MOUNT_LINE = re.compile(r"^.+? on (?P<point>/.*?) \((?P<type>[^,)]+)")


def parse_mac_mount_output(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) pairs of the macOS `mount` command's output, whose
    lines read `//camille@nas/Compta on /Volumes/Compta (smbfs, nodev, nosuid, …)`."""
    mounts = []
    for line in text.splitlines():
        match = _MAC_MOUNT_LINE.match(line)
        if match:
            mounts.append((match.group("point"), match.group("type").strip()))
    return mounts


def fs_type_of(path: str, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system holding the absolute POSIX `path`: the longest mount
    point containing it (a later mount over the same point wins, as in the kernel)."""
    target = PurePosixPath(path)
    best: tuple[int, str] | None = None
    for point, fs_type in mounts:
        mount = PurePosixPath(point)
        if target == mount or mount in target.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, fs_type)
    return best[1] if best else None


def is_unc_path(path: str) -> bool:
    r"""True for a Windows UNC path `\\server\share\…` (also `//server/share`), but not for
    the local device forms `\\?\C:\…` and `\\.\…`."""
    normalised = path.replace("/", "\\")
    if not normalised.startswith("\\\\"):
        return False
    if normalised.startswith(("\\\\?\\UNC\\", "\\\\?\\unc\\")):
        return True
    if normalised.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    parts = [p for p in normalised[2:].split("\\") if p]
    return len(parts) >= 2


def windows_drive_root(path: str) -> str | None:
    """`C:\\` for `C:\\Users\\…`; None when the path has no drive letter."""
    drive = PureWindowsPath(path).drive
    if len(drive) == 2 and drive[1] == ":":
        return drive + "\\"
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes  # only on Windows: windll does not exist elsewhere

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _read_linux_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
            return parse_proc_mounts(handle.read())
    except OSError:
        return []


def _read_mac_mounts() -> list[tuple[str, str]]:
    try:
        done = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_mac_mount_output(done.stdout)


def _existing_anchor(path: Path) -> Path:
    """The file, or its nearest existing folder (a file about to be created)."""
    path = path.expanduser().absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate.resolve()
    return path


def network_share_kind(path: Path, platform: str | None = None) -> str | None:
    """How `path` is on a network share ("nfs", "cifs", "unc", "network drive"…), or None
    when it is local or the system does not tell. Never raises."""
    platform = platform or sys.platform
    try:
        if platform == "win32":
            text = str(path)
            if is_unc_path(text):
                return "unc"
            anchor = str(_existing_anchor(path))
            if is_unc_path(anchor):  # a symbolic link or junction to a share
                return "unc"
            root = windows_drive_root(anchor)
            if root and _windows_drive_type(root) == DRIVE_REMOTE:
                return "network drive"
            return None
        if platform.startswith("linux"):
            mounts = _read_linux_mounts()
        elif platform == "darwin":
            mounts = _read_mac_mounts()
        else:
            return None
        fs_type = fs_type_of(os.fspath(_existing_anchor(path)), mounts)
    except Exception:  # a warning must never keep the file from opening
        return None
    return fs_type if fs_type and is_network_fs_type(fs_type) else None

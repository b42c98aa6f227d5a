"""Detecting a data file on a network share, from sample mount tables and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.persistence import location
from desktop.persistence.location import (
    fs_type_of,
    is_network_fs_type,
    is_unc_path,
    network_share_kind,
    parse_mac_mount_output,
    parse_proc_mounts,
    windows_drive_root,
)

PROC_MOUNTS = r"""sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0
/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077 0 0
tmpfs /run tmpfs rw,nosuid,nodev,size=1620340k,mode=755 0 0
nas.local:/volume1/compta /mnt/compta nfs4 rw,relatime,vers=4.1,hard,proto=tcp 0 0
//serveur/Partage\040Compta /mnt/Partage\040Compta cifs rw,relatime,vers=3.1.1 0 0
//serveur/Direction /mnt/compta/direction smb3 rw,relatime 0 0
camille@atelier:/srv/encaisse /home/camille/atelier fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdb1 /mnt/compta/cle-usb vfat rw,relatime 0 0
"""

MAC_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//camille@nas-dupont._smb._tcp.local/Compta on /Volumes/Compta (smbfs, nodev, nosuid, mounted by camille)
nas:/export/encaisse on /Volumes/Encaisse Réseau (nfs, nodev, nosuid, mounted by camille)
/dev/disk4s1 on /Volumes/CLÉ USB (msdos, local, nodev, nosuid, noowners)
"""


def test_proc_mounts_are_parsed_with_escaped_spaces() -> None:
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert ("/mnt/Partage Compta", "cifs") in mounts
    assert ("/", "ext4") in mounts
    assert len(mounts) == 9


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/camille/Documents/encaisse.sqlite", "ext4"),
        ("/mnt/compta/Société L'Épi d'Or.sqlite", "nfs4"),
        ("/mnt/Partage Compta/Dupont & Fils/encaisse.sqlite", "cifs"),
        ("/mnt/compta/direction/encaisse.sqlite", "smb3"),  # nested mount wins
        ("/mnt/compta/cle-usb/encaisse.sqlite", "vfat"),  # a local key inside a share
        ("/mnt/comptabilite/encaisse.sqlite", "ext4"),  # a prefix that is not a parent
        ("/home/camille/atelier/encaisse.sqlite", "fuse.sshfs"),
    ],
)
def test_the_deepest_mount_point_gives_the_type(path: str, expected: str) -> None:
    assert fs_type_of(path, parse_proc_mounts(PROC_MOUNTS)) == expected


@pytest.mark.parametrize(
    ("fs_type", "network"),
    [
        ("nfs", True),
        ("nfs4", True),
        ("cifs", True),
        ("smb3", True),
        ("smbfs", True),
        ("fuse.sshfs", True),
        ("sshfs", True),
        ("afpfs", True),
        ("ext4", False),
        ("btrfs", False),
        ("apfs", False),
        ("vfat", False),
        ("tmpfs", False),
        ("fuse.gvfsd-fuse", False),
    ],
)
def test_network_file_system_types(fs_type: str, network: bool) -> None:
    assert is_network_fs_type(fs_type) is network


def test_mac_mount_output_is_parsed() -> None:
    mounts = parse_mac_mount_output(MAC_MOUNT)
    assert ("/Volumes/Compta", "smbfs") in mounts
    assert ("/Volumes/Encaisse Réseau", "nfs") in mounts
    assert fs_type_of("/Volumes/Compta/encaisse.sqlite", mounts) == "smbfs"
    assert fs_type_of("/Volumes/CLÉ USB/encaisse.sqlite", mounts) == "msdos"
    assert fs_type_of("/Users/camille/encaisse.sqlite", mounts) == "apfs"


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\SERVEUR\Compta\encaisse.sqlite", True),
        (r"\\nas-dupont.local\Partage Compta\L'Épi d'Or\encaisse.sqlite", True),
        ("//serveur/compta/encaisse.sqlite", True),
        (r"\\?\UNC\serveur\compta\encaisse.sqlite", True),
        (r"\\?\C:\Users\Camille\encaisse.sqlite", False),
        (r"\\.\PhysicalDrive0", False),
        (r"\\serveur", False),  # a server alone is not a share
        (r"C:\Users\Camille\AppData\Roaming\Encaisse\encaisse.sqlite", False),
        ("/home/camille/encaisse.sqlite", False),
    ],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


def test_windows_drive_root() -> None:
    assert windows_drive_root(r"Z:\Compta\encaisse.sqlite") == "Z:\\"
    assert windows_drive_root(r"\\serveur\compta\encaisse.sqlite") is None


def test_windows_mapped_network_drive(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return location.DRIVE_REMOTE if root == "Z:\\" else 3  # 3: DRIVE_FIXED

    monkeypatch.setattr(location, "_windows_drive_type", drive_type)
    monkeypatch.setattr(location, "_existing_anchor", lambda p: p)
    assert network_share_kind(Path(r"Z:\Compta\encaisse.sqlite"), "win32") == "network drive"
    assert network_share_kind(Path(r"C:\Compta\encaisse.sqlite"), "win32") is None
    assert asked == ["Z:\\", "C:\\"]


def test_linux_file_on_a_share_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location, "_read_linux_mounts", lambda: parse_proc_mounts(PROC_MOUNTS))
    monkeypatch.setattr(location, "_existing_anchor", lambda p: p)
    share = Path("/mnt/Partage Compta/encaisse.sqlite")
    assert network_share_kind(share, "linux") == "cifs"
    assert network_share_kind(Path("/home/camille/encaisse.sqlite"), "linux") is None


def test_a_local_temporary_file_is_not_on_a_share(tmp_path: Path) -> None:
    # The test machine's own mount table: a temporary folder is local.
    path = tmp_path / "pas encore créé" / "encaisse.sqlite"
    assert network_share_kind(path) is None


def test_an_unreadable_mount_table_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[tuple[str, str]]:
        raise RuntimeError("boom")

    monkeypatch.setattr(location, "_read_linux_mounts", broken)
    assert network_share_kind(Path("/mnt/compta/encaisse.sqlite"), "linux") is None

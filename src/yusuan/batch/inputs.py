"""The files a batch reads: given files, every file under given folders (sorted, hidden files
and folders skipped), and the members of zip archives — unpacked under the same limits as a
docx/xlsx (declared sizes checked before anything is inflated), nested archives not followed.

Each file gets a name a person recognises (the folder or archive it came from, then its path
inside), unique within the batch."""

from __future__ import annotations

import contextlib
import hashlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..api import Limits, ReadError

MAX_ZIP_MEMBERS = 10_000
CHUNK = 1 << 20


@dataclass
class Item:
    name: str  # shown in reports and stored as the document's name
    path: Path  # where its bytes are (an unpacked zip member lives under the batch's work folder)
    problem: str = ""  # set when the item cannot even be listed (a broken archive): a failure row

    def digest(self) -> tuple[str, int]:
        """sha256 and size, read in chunks (linear, bounded memory)."""
        hasher, size = hashlib.sha256(), 0
        with self.path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                hasher.update(chunk)
                size += len(chunk)
        return hasher.hexdigest(), size


def collect(paths: list[Path], work: Path, limits: Limits | None = None) -> list[Item]:
    limits = limits or Limits()
    items: list[Item] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(_walk(path)):
                items += _expand(found, f"{path.name}/{found.relative_to(path).as_posix()}", work, limits)
        else:
            items += _expand(path, path.name, work, limits)
    return _unique(items)


def _walk(folder: Path) -> Iterator[Path]:
    for child in folder.iterdir():
        if child.name.startswith("."):
            continue
        if child.is_symlink() and child.is_dir():
            continue  # a link to a folder may loop
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def _expand(path: Path, name: str, work: Path, limits: Limits) -> list[Item]:
    if path.suffix.lower() != ".zip":
        return [Item(name, path)]
    try:
        return list(_members(path, name, work, limits))
    except ReadError as error:
        return [Item(name, path, problem=str(error))]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        return [Item(name, path, problem=f"{name}：压缩包已损坏或无法解压（{type(error).__name__}）")]


def _members(path: Path, name: str, work: Path, limits: Limits) -> Iterator[Item]:
    with zipfile.ZipFile(path) as archive:
        limits.check_zip(name, archive)
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            raise ReadError(f"{name}：压缩包内文件过多（{len(members)} 个，上限 {MAX_ZIP_MEMBERS} 个）")
        target = work / "unzipped" / hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
        for index, member in enumerate(members):
            inner = _member_name(member)
            if inner is None:
                continue
            if inner.lower().endswith(".zip"):
                yield Item(f"{name}/{inner}", path, problem=f"{name}/{inner}：压缩包中的压缩包不展开，请先解压")
                continue
            destination = target / f"{index:05d}{PurePosixPath(inner).suffix[:16]}"
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, destination.open("wb") as sink:
                written = 0
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    if written > limits.max_bytes:
                        raise ReadError(f"{name}/{inner}：解压后超过单个文件上限 {limits.max_bytes} 字节")
                    sink.write(chunk)
            yield Item(f"{name}/{inner}", destination)


def _member_name(member: zipfile.ZipInfo) -> str | None:
    """The member's path as a readable name (GBK names of Windows archives decoded), or None
    for entries that are not documents (macOS resource forks, hidden files)."""
    raw = member.filename
    if not member.flag_bits & 0x800:  # not flagged UTF-8: zipfile decoded it as cp437
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            raw = raw.encode("cp437").decode("gb18030")
    parts = [p for p in re.split(r"[\\/]+", raw) if p not in ("", ".", "..")]
    if not parts or parts[0] == "__MACOSX" or parts[-1].startswith("."):
        return None
    return "/".join(parts)


def _unique(items: list[Item]) -> list[Item]:
    """Two inputs with the same name (the same folder given twice, two archives with one member
    name) get distinct names: results of one never overwrite the other's."""
    seen: dict[str, int] = {}
    for item in items:
        count = seen.get(item.name, 0)
        seen[item.name] = count + 1
        if count:
            stem, dot, suffix = item.name.rpartition(".")
            item.name = f"{stem}（{count + 1}）.{suffix}" if dot and "/" not in suffix else f"{item.name}（{count + 1}）"
    return items

"""Which snapshot files are trusted: regular files of this user that nobody else may write, within a size bound,
whose digest was made with this user's private key, holding only data the converter itself would write."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import threading
import time
import zlib
from pathlib import Path

import cattrs
import cbor2
import pytest

from registry import SnapshotAst, SnapshotEnv, SnapshotError, SnapshotScheme, dump, reseal, restore
from registry.private_files import KEY_BYTES, KEY_FILE_NAME, snapshot_key
from registry.snapshot import FORMAT_NAME, FORMAT_VERSION
from tests.registry.fakes import FakeScheme, converter, put, root_with

NOBODY = 65534


def good_layer_file(path: Path, key: bytes | None = None) -> Path:
    base = root_with("Prelude").begin_batch()
    put(base, "Foo", ("f", "type:T"), imports=("Prelude",))
    dump(base, path, converter(), key=key)
    return path


def refusal(path: Path, key: bytes | None = None, **options: int) -> str:
    began = time.monotonic()
    with pytest.raises(SnapshotError) as caught:
        restore(path, converter(), parent=root_with("Prelude"), key=key, **options)
    assert time.monotonic() - began < 5  # refused at once, never blocked on the file
    return str(caught.value)


def test_a_fifo_at_the_path_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.cbor"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(fifo)


def test_a_symlink_to_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.cbor"
    link.symlink_to("/dev/zero")
    assert "not a regular file" in refusal(link)


def test_a_file_above_the_size_bound_is_refused(tmp_path: Path) -> None:
    path = good_layer_file(tmp_path / "good.cbor")
    size = path.stat().st_size
    assert restore(path, converter(), parent=root_with("Prelude"), max_bytes=size).modules() >= {"Foo"}
    assert f"larger than {size - 1} bytes" in refusal(path, max_bytes=size - 1)


@pytest.mark.parametrize("extra_mode", [stat.S_IWGRP, stat.S_IWOTH])
def test_a_file_others_may_write_is_refused(tmp_path: Path, extra_mode: int) -> None:
    path = good_layer_file(tmp_path / "good.cbor")
    path.chmod(0o600 | extra_mode)
    assert "other users may write" in refusal(path)


def test_another_users_file_is_refused(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root can make a file of another user
        path = good_layer_file(tmp_path / "theirs.cbor")
        os.chown(path, NOBODY, NOBODY)
        owner = NOBODY
    else:  # otherwise a file root owns, readable by all
        path, owner = Path("/etc/passwd"), 0
    assert f"belongs to user {owner}, not this user" in refusal(path)


def test_a_keyed_snapshot_is_read_back_only_with_its_key(tmp_path: Path) -> None:
    key = snapshot_key(tmp_path / "keys")
    path = good_layer_file(tmp_path / "keyed.cbor", key)
    assert restore(path, converter(), parent=root_with("Prelude"), key=key).modules() >= {"Foo"}
    assert "not written with this key" in refusal(path, key=os.urandom(KEY_BYTES))
    assert "checksum mismatch" in refusal(path)  # without a key the HMAC is no plain SHA-256 either
    unkeyed = good_layer_file(tmp_path / "plain.cbor")
    assert "not written with this key" in refusal(unkeyed, key=key)


def forge(path: Path, digest_key: bytes | None) -> None:
    """Change a scheme inside a real snapshot and re-seal it the way a forger could: a fresh SHA-256, or an HMAC
    under a key that is not the victim's."""
    header = cbor2.loads(path.read_bytes())
    body = cbor2.loads(zlib.decompress(header["body"]))
    for module in body["modules"]:
        for scheme in module["exports"].values():
            scheme["text"] = "forall a. a"  # a wrong answer, well-formed
    packed = zlib.compress(cbor2.dumps(body))
    header["body"] = packed
    header["sha256"] = (hashlib.sha256(packed).digest() if digest_key is None
                        else hmac.new(digest_key, packed, hashlib.sha256).digest())
    path.write_bytes(cbor2.dumps(header))


@pytest.mark.parametrize("forger_key", [None, b"k" * KEY_BYTES])
def test_a_forged_snapshot_with_a_valid_checksum_is_refused(tmp_path: Path, forger_key: bytes | None) -> None:
    key = snapshot_key(tmp_path / "keys")
    path = good_layer_file(tmp_path / "keyed.cbor", key)
    forge(path, forger_key)
    assert "not written with this key" in refusal(path, key=key)


def write_unkeyed(path: Path, exports: dict[str, object]) -> None:
    module = {"name": "Foo", "rev": 1, "removed": False, "exports": exports,
              "ast": {"elements": {}}, "env": {"names": []}, "imports": [], "source_hash": None}
    packed = cbor2.dumps({"root": False, "modules": [module]})
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "sha256": hashlib.sha256(packed).digest(),
              "body": packed}
    path.write_bytes(cbor2.dumps(header))


@pytest.mark.parametrize("scheme", [
    {"text": 5, "generation": 0},  # the converter would coerce 5 to "5"
    {"text": ["a", "b"], "generation": 0},
    {"text": "a", "generation": "7"},  # … and "7" to 7
    {"text": "a", "generation": 1.0},
])
def test_values_the_converter_only_coerces_are_refused(tmp_path: Path, scheme: dict[str, object]) -> None:
    path = tmp_path / "coerced.cbor"
    write_unkeyed(path, {"f": {"text": "a", "generation": 0}})
    assert restore(path, converter(), parent=root_with("Prelude")).scheme("Foo", "f") is not None  # the control
    write_unkeyed(path, {"f": scheme})
    assert "that the converter would not write" in refusal(path)


def test_the_key_is_private_stable_and_made_once_under_concurrency(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "nova"
    keys: list[bytes] = []
    threads = [threading.Thread(target=lambda: keys.append(snapshot_key(folder))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 8 and len(set(keys)) == 1 and len(keys[0]) == KEY_BYTES
    assert snapshot_key(folder) == keys[0]
    assert stat.S_IMODE((folder / KEY_FILE_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [KEY_FILE_NAME]  # no temporary file left behind


def test_a_key_others_can_read_or_of_the_wrong_size_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / KEY_FILE_NAME
    key_file.write_bytes(os.urandom(KEY_BYTES))
    key_file.chmod(0o644)
    with pytest.raises(SnapshotError, match="readable by other users"):
        snapshot_key(tmp_path)
    key_file.chmod(0o600)
    assert snapshot_key(tmp_path) == key_file.read_bytes()
    key_file.write_bytes(b"short")
    with pytest.raises(SnapshotError, match="malformed"):
        snapshot_key(tmp_path)


class BlobConverter(cattrs.Converter):
    """Schemes kept as blobs: structured into a `FakeScheme` whose text is the blob's, written back as a blob."""

    __slots__ = ()


class TrustedBlobConverter(BlobConverter):
    __slots__ = ()
    BLOBS_ROUND_TRIP = True


def blob_converter(cls: type[cattrs.Converter], unstructured: list[object]) -> cattrs.Converter:
    conv = converter()
    blobs = cls()
    for marker in (SnapshotAst, SnapshotEnv):
        blobs.register_structure_hook(marker, lambda data, t: conv.structure(data, t))
        blobs.register_unstructure_hook(marker, lambda value, t=marker: conv.unstructure(value, t))
    blobs.register_structure_hook(SnapshotScheme, lambda data, _: FakeScheme(data.decode(), 0))

    def written(value: FakeScheme) -> object:
        unstructured.append(value)
        return value.text.upper().encode()  # not the blob it was read from (unless it is upper case)

    blobs.register_unstructure_hook(SnapshotScheme, written)
    return blobs


def test_a_converter_promising_blobs_round_trip_is_not_asked_to_write_them_back(tmp_path: Path) -> None:
    path = tmp_path / "blobs.cbor"
    write_unkeyed(path, {"f": b"SCHEME"})
    asked: list[object] = []
    assert restore(path, blob_converter(BlobConverter, asked), parent=root_with("Prelude")).scheme("Foo", "f")
    assert len(asked) == 1  # the check wrote it back, and found the same blob
    write_unkeyed(path, {"f": b"scheme"})
    with pytest.raises(SnapshotError, match="that the converter would not write"):
        restore(path, blob_converter(BlobConverter, asked), parent=root_with("Prelude"))
    asked.clear()
    trusted = restore(path, blob_converter(TrustedBlobConverter, asked), parent=root_with("Prelude"))
    assert trusted.scheme("Foo", "f") == FakeScheme("scheme", 0)
    assert asked == []


def test_a_file_of_one_of_the_given_owners_is_read_and_of_any_other_refused(tmp_path: Path) -> None:
    path = good_layer_file(tmp_path / "shipped.cbor")
    owner = os.geteuid()
    if owner == 0:  # root can make a file of another user
        os.chown(path, NOBODY, NOBODY)
        owner = NOBODY
    assert restore(path, converter(), parent=root_with("Prelude"), owners={owner}).modules() >= {"Foo"}
    with pytest.raises(SnapshotError) as caught:
        restore(path, converter(), parent=root_with("Prelude"), owners={owner + 1})
    assert f"belongs to user {owner}, not a user it may come from" in str(caught.value)


def test_reseal_copies_a_snapshot_under_a_key_and_writes_nothing_for_a_damaged_one(tmp_path: Path) -> None:
    key = snapshot_key(tmp_path / "keys")
    source = good_layer_file(tmp_path / "plain.cbor")
    target = tmp_path / "sealed.cbor"
    reseal(source, target, key)
    assert restore(target, converter(), parent=root_with("Prelude"), key=key).modules() >= {"Foo"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "checksum mismatch" in refusal(target)  # sealed: not readable as a plain snapshot any more
    data = source.read_bytes()
    middle = len(data) // 2
    for damaged in (data[:middle], data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:], b"garbage"):
        source.write_bytes(damaged)
        target.unlink(missing_ok=True)
        with pytest.raises(SnapshotError):
            reseal(source, target, key)
        assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

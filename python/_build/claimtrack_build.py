"""A PEP 517 (and PEP 660) build backend for the claimtrack wrapper, stdlib only.

The package is pure Python, so a wheel is a zip of claimtrack/*.py plus its .dist-info;
there is nothing to compile and nothing to download (``requires = []``), so
``pip install ./python`` works without a network and without setuptools.

A wheel may carry the shared library itself: pass ``--config-settings
bundle-library=/path/to/libclaimtrack.so`` to pip (or set ``CLAIMTRACK_BUNDLE_LIBRARY``).
The library is then copied next to the package, where the wrapper finds it, and the wheel
is tagged for this platform instead of ``py3-none-any``.
"""

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "claimtrack"

__all__ = [
    "get_requires_for_build_wheel", "get_requires_for_build_sdist",
    "get_requires_for_build_editable", "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable", "build_wheel", "build_sdist", "build_editable",
]


# ---- project metadata ------------------------------------------------------------------

def _project():
    """The [project] table of pyproject.toml (tomllib when there is one, else the few
    `key = "string"` lines this project uses)."""
    path = os.path.join(ROOT, "pyproject.toml")
    try:
        import tomllib
    except ImportError:
        tomllib = None
    if tomllib:
        with open(path, "rb") as f:
            return tomllib.load(f)["project"]
    project, section = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*\[([^\]]+)\]", line)
            if m:
                section = m.group(1).strip()
                continue
            m = re.match(r'\s*([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"', line)
            if m and section == "project":
                project[m.group(1)] = m.group(2)
            elif m and section == "project.license":
                project["license"] = {m.group(1): m.group(2)}
    return project


def _name_version():
    p = _project()
    return p["name"], p["version"]


def _dist_name():
    name, version = _name_version()
    return "%s-%s" % (re.sub(r"[-_.]+", "_", name).lower(), version)


def _metadata():
    p = _project()
    lines = ["Metadata-Version: 2.1", "Name: " + p["name"], "Version: " + p["version"]]
    if p.get("description"):
        lines.append("Summary: " + p["description"])
    if p.get("requires-python"):
        lines.append("Requires-Python: " + p["requires-python"])
    lic = p.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append("License: " + lic["text"])
    for url_name, url in (p.get("urls") or {}).items():
        lines.append("Project-URL: %s, %s" % (url_name, url))
    body = ""
    readme = p.get("readme")
    if readme:
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
        lines.append("Description-Content-Type: text/markdown")
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8")


def _wheel_file(tag, purelib):
    return ("Wheel-Version: 1.0\nGenerator: claimtrack_build\nRoot-Is-Purelib: %s\nTag: %s\n"
            % ("true" if purelib else "false", tag)).encode("ascii")


# ---- wheel writing ---------------------------------------------------------------------

def _date_time():
    # reproducible: SOURCE_DATE_EPOCH when set, else the zip format's earliest date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return time.gmtime(max(int(epoch), 315532800))[:6]
    return (1980, 1, 1, 0, 0, 0)


def _record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class _Wheel:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.records = []
        self.date_time = _date_time()

    def add(self, arcname, data, mode=0o644):
        info = zipfile.ZipInfo(arcname, self.date_time)
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        self.records.append("%s,%s,%d" % (arcname, _record_hash(data), len(data)))

    def close(self, dist_info):
        record = dist_info + "/RECORD"
        self.records.append(record + ",,")
        info = zipfile.ZipInfo(record, self.date_time)
        info.external_attr = 0o100644 << 16
        self.zip.writestr(info, ("\n".join(self.records) + "\n").encode("utf-8"))
        self.zip.close()


def _package_files():
    pkg = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") or name == "py.typed":
            yield PACKAGE + "/" + name, os.path.join(pkg, name)


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _bundle(config_settings):
    path = (config_settings or {}).get("bundle-library") or os.environ.get(
        "CLAIMTRACK_BUNDLE_LIBRARY")
    if not path:
        return None
    if not os.path.isfile(path):
        raise FileNotFoundError("bundle-library: no such file: %s" % path)
    return path


def _platform_tag():
    return re.sub(r"[^A-Za-z0-9]", "_", sysconfig.get_platform())


def _write_dist_info(wheel, dist_info, tag, purelib):
    wheel.add(dist_info + "/METADATA", _metadata())
    wheel.add(dist_info + "/WHEEL", _wheel_file(tag, purelib))


def _build(wheel_directory, config_settings, editable):
    dist = _dist_name()
    bundled = _bundle(config_settings)
    tag = "py3-none-" + (_platform_tag() if bundled else "any")
    filename = "%s-%s.whl" % (dist, tag)
    dist_info = dist + ".dist-info"
    wheel = _Wheel(os.path.join(wheel_directory, filename))
    try:
        if editable:
            # PEP 660: a .pth line puts the source tree on sys.path
            wheel.add(PACKAGE + "_editable.pth", (ROOT + "\n").encode("utf-8"))
        else:
            for arcname, path in _package_files():
                wheel.add(arcname, _read(path))
        if bundled:
            # the wrapper looks for libclaimtrack.* next to its own files
            name = os.path.basename(os.path.realpath(bundled))
            base = re.match(r"(lib)?claimtrack(\.dll|\.so|\.dylib)?", name)
            target = "libclaimtrack.so" if base and base.group(2) in (None, ".so") else name
            wheel.add(PACKAGE + "/" + target, _read(bundled), 0o755)
        _write_dist_info(wheel, dist_info, tag, not bundled)
    finally:
        wheel.close(dist_info)
    return filename


# ---- PEP 517 hooks -----------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = _dist_name() + ".dist-info"
    path = os.path.join(metadata_directory, dist_info)
    os.makedirs(path, exist_ok=True)
    tag = "py3-none-" + (_platform_tag() if _bundle(config_settings) else "any")
    with open(os.path.join(path, "METADATA"), "wb") as f:
        f.write(_metadata())
    with open(os.path.join(path, "WHEEL"), "wb") as f:
        f.write(_wheel_file(tag, not _bundle(config_settings)))
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _build(wheel_directory, config_settings, editable=False)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _build(wheel_directory, config_settings, editable=True)


def build_sdist(sdist_directory, config_settings=None):
    dist = _dist_name()
    filename = dist + ".tar.gz"
    members = ["pyproject.toml", "README.md"]
    for sub in (PACKAGE, "_build", "tests"):
        for name in sorted(os.listdir(os.path.join(ROOT, sub))):
            if name.endswith(".py"):
                members.append(sub + "/" + name)
    mtime = time.mktime(_date_time() + (0, 0, -1))

    def add(tar, arcname, data):
        info = tarfile.TarInfo(dist + "/" + arcname)
        info.size, info.mtime, info.mode = len(data), mtime, 0o644
        tar.addfile(info, io.BytesIO(data))

    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        for m in members:
            add(tar, m, _read(os.path.join(ROOT, m)))
        add(tar, "PKG-INFO", _metadata())
    return filename

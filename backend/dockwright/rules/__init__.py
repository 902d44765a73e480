"""Every rule module, imported so that each registers itself; see :mod:`dockwright.rules.base`."""

import importlib
import pkgutil

from dockwright.rules.base import Rule, register, registry

__all__ = ["Rule", "load_all", "load_for", "register", "registry"]

# In registration order: Dockerfile rules always come first, so the registry lists rules in one order
# whichever kind of file was linted first.
_PACKAGES = ("dockwright.rules.dockerfile", "dockwright.rules.compose")
_loaded: set[str] = set()


def load_all() -> None:
    """Import every module under rules/dockerfile and rules/compose once."""
    for package_name in _PACKAGES:
        _load(package_name)


def load_for(kind: str) -> None:
    """Import the rules a file of ``kind`` needs. A CLI run over Dockerfiles alone never imports the compose
    rules and their YAML stack, which is a third of its start-up time."""
    if kind == "dockerfile":
        _load(_PACKAGES[0])
    else:
        load_all()  # compose rules also lint the Dockerfiles a service builds


def _load(package_name: str) -> None:
    if package_name in _loaded:
        return
    package = importlib.import_module(package_name)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package_name}.{module.name}")
    _loaded.add(package_name)

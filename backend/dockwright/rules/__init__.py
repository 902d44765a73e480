"""Every rule module, imported so that each registers itself; see :mod:`dockwright.rules.base`."""

import importlib
import pkgutil

from dockwright.rules.base import Rule, register, registry

__all__ = ["Rule", "load_all", "register", "registry"]

_loaded = False


def load_all() -> None:
    """Import every module under rules/dockerfile and rules/compose once."""
    global _loaded
    if _loaded:
        return
    for package_name in ("dockwright.rules.dockerfile", "dockwright.rules.compose"):
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__):
            if not module.name.startswith("_"):
                importlib.import_module(f"{package_name}.{module.name}")
    _loaded = True

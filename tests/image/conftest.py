"""Loads the image-test helper scripts (docker/image-test/*.py are scripts, not a package) for unit tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
IMAGE_TEST_DIR = REPO / "docker" / "image-test"


def load_script(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, IMAGE_TEST_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def standin_plan() -> ModuleType:
    return load_script("standin_plan")


@pytest.fixture(scope="session")
def compose_variant() -> ModuleType:
    return load_script("compose_variant")


@pytest.fixture(scope="session")
def compose_healthcheck() -> ModuleType:
    return load_script("compose_healthcheck")


@pytest.fixture(scope="session")
def burst() -> ModuleType:
    return load_script("burst")


@pytest.fixture(scope="session")
def kube_variant() -> ModuleType:
    return load_script("kube_variant")

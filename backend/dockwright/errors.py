"""Errors the engine raises for input it refuses (as opposed to findings about input it accepts)."""


class InputError(ValueError):
    """The content or its options cannot be analysed at all; the message says why."""


class ConfigError(InputError):
    """A lint configuration (dict, YAML file or CLI option) is invalid."""

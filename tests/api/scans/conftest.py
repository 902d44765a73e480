"""The projects' fixtures: a project with a member of each role, and clients for each."""

from tests.api.projects.conftest import client_as, people, private_project, public_project  # noqa: F401

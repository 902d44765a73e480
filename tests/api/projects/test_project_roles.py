"""Who may do what under /api/v1/projects/<slug>: a table of endpoint × caller × expected status.

A private project answers 404 to whoever is not a member, exactly as a project that does not exist; a public one
may be read by anyone, and answers 403 to non-members for anything else.
"""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import Invitation, Membership, Project
from projects.services import invitation_create
from tests.api.projects.conftest import CALLERS

pytestmark = pytest.mark.django_db

# (method, path under the project, body): one row per operation.
OPERATIONS = {
    "read project": ("get", "", None),
    "change project": ("patch", "", {"name": "Renamed"}),
    "delete project": ("delete", "", None),
    "list members": ("get", "/members", None),
    "add member": ("post", "/members", {"username": "newcomer", "role": "viewer"}),
    "change role": ("patch", "/members/viewer", {"role": "maintainer"}),
    "remove member": ("delete", "/members/departing", None),
    "list invitations": ("get", "/invitations", None),
    "invite": ("post", "/invitations", {"role": "viewer"}),
    "revoke invitation": ("delete", "/invitations/{invitation}", None),
    "read policy": ("get", "/policy", None),
    "change policy": ("put", "/policy", {"config": {"ignore": ["DL3008"]}}),
}

# Expected status per caller, in the order of CALLERS: owner, maintainer, viewer, outsider, anonymous.
PRIVATE = {
    "read project": (200, 200, 200, 404, 404),
    "change project": (200, 403, 403, 404, 404),
    "delete project": (204, 403, 403, 404, 404),
    "list members": (200, 200, 200, 404, 404),
    "add member": (201, 403, 403, 404, 404),
    "change role": (200, 403, 403, 404, 404),
    "remove member": (204, 403, 403, 404, 404),
    "list invitations": (200, 403, 403, 404, 404),
    "invite": (201, 403, 403, 404, 404),
    "revoke invitation": (204, 403, 403, 404, 404),
    "read policy": (200, 200, 200, 404, 404),
    "change policy": (200, 200, 403, 404, 404),
}
# A public project: members as above; anyone else reads it and is refused the rest.
PUBLIC = {
    name: (*statuses[:3], *((200, 200) if name.startswith("read") else (403, 403)))
    for name, statuses in PRIVATE.items()
}

CASES = [
    pytest.param(visibility, operation, caller, expected[index], id=f"{visibility}-{operation}-{caller}")
    for visibility, table in (("private", PRIVATE), ("public", PUBLIC))
    for operation, expected in table.items()
    for index, caller in enumerate(CALLERS)
]


def _call(client: Any, project: Project, operation: str) -> Any:
    method, suffix, body = OPERATIONS[operation]
    invitation, _ = invitation_create(created_by=None, project=project)
    url = f"/api/v1/projects/{project.slug}{suffix.format(invitation=invitation.pk)}"
    return getattr(client, method)(url, body, format="json")


@pytest.mark.parametrize(("visibility", "operation", "caller", "expected"), CASES)
def test_each_role_gets_the_expected_status_for_each_operation(
    request: Any, client_as: Any, visibility: str, operation: str, caller: str, expected: int
) -> None:
    project = request.getfixturevalue(f"{visibility}_project")

    response = _call(client_as(caller), project, operation)

    assert response.status_code == expected, response.content
    if expected >= 400:
        assert set(response.json()) == {"message", "details"}


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_project_that_does_not_exist_answers_like_a_private_one(client_as: Any, private_project: Project, operation):
    outsider = client_as("outsider")
    method, suffix, body = OPERATIONS[operation]
    suffix = suffix.format(invitation=1)

    hidden = getattr(outsider, method)(f"/api/v1/projects/payments{suffix}", body, format="json")
    missing = getattr(outsider, method)(f"/api/v1/projects/nothing-here{suffix}", body, format="json")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["message"].replace("payments", "X") == missing.json()["message"].replace("nothing-here", "X")


def test_refused_operations_change_nothing(client_as: Any, private_project: Project) -> None:
    for caller in ("maintainer", "viewer", "outsider", "anonymous"):
        for operation in ("change project", "delete project", "add member", "change role", "remove member"):
            _call(client_as(caller), private_project, operation)

    private_project.refresh_from_db()
    assert private_project.name == "Payments"
    roles = dict(Membership.objects.filter(project=private_project).values_list("user__username", "role"))
    assert roles == {"owner": "owner", "maintainer": "maintainer", "viewer": "viewer", "departing": "viewer"}


def test_the_owner_changes_a_role_and_removes_a_member(client_as: Any, private_project: Project) -> None:
    owner = client_as("owner")

    changed = owner.patch("/api/v1/projects/payments/members/viewer", {"role": "maintainer"}, format="json")
    removed = owner.delete("/api/v1/projects/payments/members/maintainer")

    assert changed.json()["role"] == "maintainer"
    assert removed.status_code == 204
    members = owner.get("/api/v1/projects/payments/members").json()
    assert [(m["username"], m["role"]) for m in members] == [
        ("departing", "viewer"),
        ("owner", "owner"),
        ("viewer", "maintainer"),
    ]


def test_a_member_may_leave_but_the_last_owner_may_not(client_as: Any, private_project: Project) -> None:
    left = client_as("viewer").delete("/api/v1/projects/payments/members/viewer")
    owner_leaves = client_as("owner").delete("/api/v1/projects/payments/members/owner")
    owner_demoted = client_as("owner").patch(
        "/api/v1/projects/payments/members/owner", {"role": "viewer"}, format="json"
    )

    assert left.status_code == 204
    assert owner_leaves.status_code == 400
    assert owner_demoted.status_code == 400
    assert "needs an owner" in owner_demoted.json()["message"]
    assert Membership.objects.filter(project=private_project, user__username="owner", role="owner").exists()


def test_a_second_owner_lets_the_first_one_step_down(client_as: Any, private_project: Project) -> None:
    owner = client_as("owner")
    owner.patch("/api/v1/projects/payments/members/maintainer", {"role": "owner"}, format="json")

    stepped_down = owner.patch("/api/v1/projects/payments/members/owner", {"role": "viewer"}, format="json")

    assert stepped_down.status_code == 200


def test_adding_an_unknown_user_or_a_member_again_is_a_400(client_as: Any, private_project: Project) -> None:
    owner = client_as("owner")

    unknown = owner.post("/api/v1/projects/payments/members", {"username": "nobody"}, format="json")
    again = owner.post("/api/v1/projects/payments/members", {"username": "viewer"}, format="json")

    assert unknown.status_code == again.status_code == 400
    assert "invite them by link" in unknown.json()["message"]


def test_a_used_invitation_cannot_be_revoked_or_listed(client_as: Any, private_project: Project, people) -> None:
    invitation, _ = invitation_create(created_by=people["owner"], project=private_project)
    Invitation.objects.filter(pk=invitation.pk).update(used_by=people["newcomer"], used_at=invitation.created)

    listed = client_as("owner").get("/api/v1/projects/payments/invitations").json()
    revoked = client_as("owner").delete(f"/api/v1/projects/payments/invitations/{invitation.pk}")

    assert listed == []
    assert revoked.status_code == 404

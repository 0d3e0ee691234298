"""The plan page's "Share a read-only link" button and the page the link opens.

The owner makes a link with a CSRF-protected form and sees it once; anyone with it, signed
in or not, reads the plan without buttons or notes; sharing again or stopping ends the link,
which then answers a 404 page.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from aicareers.cli.app import cli as main
from aicareers.web.settings import WebSettings

from .test_web_plans import act, make_plan, step_ids
from .web_fixtures import SignedIn, client, csrf, signed_in_client, web_app, web_settings

__all__ = ["client", "signed_in_client", "web_app", "web_settings"]  # fixtures used here

LINK = re.compile(r'id="share-link" type="text" readonly value="(http://testserver/shared/[^"]+)"')
NOTE = "ring Dr Patel on Tuesday about the reference"


@pytest.fixture
def ada(signed_in_client: SignedIn) -> TestClient:
    return signed_in_client("ada@example.org")


def share(browser: TestClient, plan_id: int) -> str:
    """Press "Share a read-only link"; the link the page shows."""
    form = {"csrf_token": csrf(browser, f"/plans/{plan_id}")}
    page = browser.post(f"/plans/{plan_id}/share", data=form)
    assert page.status_code == 200, page.text
    assert page.headers["cache-control"] == "no-store"
    found = LINK.search(page.text)
    assert found is not None, "no link on the page"
    assert "Anyone with this link can read this plan" in page.text
    return found.group(1).removeprefix("http://testserver")


def stop(browser: TestClient, plan_id: int) -> None:
    form = {"csrf_token": csrf(browser, f"/plans/{plan_id}")}
    answer = browser.post(f"/plans/{plan_id}/share/stop", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/plans/{plan_id}#share"


def test_the_plan_page_offers_to_share(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    page = ada.get(f"/plans/{plan_id}").text
    button = re.search(rf'action="/plans/{plan_id}/share">.*?</form>', page, re.S)
    assert button is not None
    assert 'name="csrf_token"' in button.group(0)
    assert "Share a read-only link" in button.group(0)
    assert "Stop sharing" not in page


def test_a_link_shows_the_plan_read_only_to_a_visitor(ada: TestClient, client: TestClient) -> None:
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    act(ada, plan_id, first, "done", note=NOTE)
    path = share(ada, plan_id)
    shown = client.get(path)  # signed out
    assert shown.status_code == 200, shown.text
    assert shown.headers["referrer-policy"] == "no-referrer"
    assert shown.headers["x-robots-tag"] == "noindex"
    assert shown.headers["cache-control"] == "no-store"
    page = html.unescape(shown.text)
    assert "A plan towards Prompt Engineer" in page
    assert "1 of " in page  # the progress
    assert "<svg" in page
    assert "data-print" in page  # the Print button
    assert "@media print" not in page  # the print styles live in the stylesheet
    assert "/static/plan.css" in page
    main = page.split('<main id="main"', 1)[1]
    assert "<form" not in main  # no buttons that change anything
    assert "Mark done" not in main
    assert NOTE not in page
    assert "Your note" not in page
    assert "ada@example.org" not in page
    assert f"/plans/{plan_id}" not in main  # no way into the owner's own pages


def test_the_owner_sees_that_the_plan_is_shared_but_not_the_link_again(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    path = share(ada, plan_id)
    page = ada.get(f"/plans/{plan_id}").text
    assert "Stop sharing" in page
    assert "Make a new link" in page
    assert path not in page  # only a fingerprint is kept
    assert "cannot show it again" in page


def test_sharing_again_or_stopping_ends_the_link(ada: TestClient, client: TestClient) -> None:
    plan_id = make_plan(ada)
    first = share(ada, plan_id)
    second = share(ada, plan_id)
    assert first != second
    gone = client.get(first)
    assert gone.status_code == 404
    assert "This link does not open a plan" in gone.text
    assert gone.headers["x-robots-tag"] == "noindex"
    assert client.get(second).status_code == 200
    stop(ada, plan_id)
    assert client.get(second).status_code == 404
    assert "Stop sharing" not in ada.get(f"/plans/{plan_id}").text


def test_only_the_owner_shares_and_only_with_the_forms_token(signed_in_client: SignedIn) -> None:
    ada, bob = signed_in_client("ada@example.org"), signed_in_client("bob@example.org")
    plan_id = make_plan(ada)
    refused = ada.post(f"/plans/{plan_id}/share", data={})
    assert refused.status_code == 403
    form = {"csrf_token": csrf(bob, "/plans")}
    assert bob.post(f"/plans/{plan_id}/share", data=form).status_code == 404
    assert bob.post(f"/plans/{plan_id}/share/stop", data=form).status_code == 404
    assert "Stop sharing" not in ada.get(f"/plans/{plan_id}").text  # nothing was shared


def test_a_visitor_cannot_share(client: TestClient, ada: TestClient) -> None:
    plan_id = make_plan(ada)
    form = {"csrf_token": csrf(client, "/signin")}
    answer = client.post(f"/plans/{plan_id}/share", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/signin")


@pytest.mark.parametrize("token", ["x", "a" * 43, "a" * 500, "%00"])
def test_unknown_links_are_a_404_page(client: TestClient, token: str) -> None:
    answer = client.get(f"/shared/{token}")
    assert answer.status_code == 404
    assert "This link does not open a plan" in answer.text
    assert answer.headers["referrer-policy"] == "no-referrer"


def test_a_link_made_with_the_cli_opens_on_the_web(
    client: TestClient, web_settings: WebSettings
) -> None:
    database = web_settings.database_url
    assert database is not None

    def cli(*args: str) -> str:
        result = CliRunner().invoke(main, ["plan", "--database", database, *args])
        assert result.exit_code == 0, result.output
        return result.output

    created = json.loads(cli("create", "--career", "prompt-engineer", "--format", "json"))
    printed = cli("share", str(created["id"]), "--base-url", "http://testserver")
    found = re.search(r"http://testserver(/shared/\S+)", printed)
    assert found is not None, printed
    page = client.get(found.group(1))
    assert page.status_code == 200
    assert "A plan towards Prompt Engineer" in page.text
    cli("share", str(created["id"]), "--revoke")
    assert client.get(found.group(1)).status_code == 404

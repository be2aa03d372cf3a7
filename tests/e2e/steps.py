"""Browser steps that check the server's answer, so a journey cannot walk on
past an error page: every visit and form submission names the status it
expects and fails with the page's address and status otherwise."""

from http import HTTPStatus


def visit(page, url, status=HTTPStatus.OK):
    """Open `url` in `page`; the answer must have `status`."""
    response = page.goto(url)
    assert response is not None, f"no answer for {url}"
    assert response.status == status, (url, response.status)
    return response


def submit(page, selector, status=HTTPStatus.OK, redirected=True):
    """Click `selector` to send a form; the page it lands on must have `status`,
    reached through the redirect a successful POST answers with unless
    `redirected` is False."""
    with page.expect_navigation() as navigation:
        page.click(selector)
    response = navigation.value
    assert response.status == status, (response.url, response.status)
    came_from = response.request.redirected_from
    if redirected:
        assert came_from is not None, f"{response.url} was not a redirect after a POST"
        assert came_from.method == "POST", came_from.method
    return response


def follow(page, selector, status=HTTPStatus.OK):
    """Click the link `selector`; the page it opens must have `status`."""
    with page.expect_navigation() as navigation:
        page.click(selector)
    response = navigation.value
    assert response.status == status, (response.url, response.status)
    return response


def sign_in(page, username, password="pass-word-123"):
    """Sign `username` in to the admin; the admin's header must follow."""
    visit(page, "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit(page, "input[type=submit]")
    page.wait_for_selector("#user-tools")

"""The form helper sends what a browser would send for a rendered form."""

from tests.admin_forms import change_form, find_form

PAGE = """
<form method="post" action="/x/transition/" class="workflow-form">
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <button type="submit" name="to" value="in_review">Submit</button>
  <button type="submit" name="to" value="published">Publish</button>
</form>
<form enctype="multipart/form-data" method="post" id="article_form" novalidate>
  <input type="text" name="headline" value="Tom &amp; Jerry">
  <textarea name="body">
&lt;p&gt;Fish &amp; chips&lt;/p&gt;<p>typed by hand</p></textarea>
  <textarea name="dek">

Starts with a blank line</textarea>
  <select name="section"><option value="">---------</option>
    <option value="2" selected>World</option></select>
  <select name="kind"><option value="a">A</option><option value="b">B</option></select>
  <select name="tags" multiple><option value="1" selected>x</option>
    <option value="2">y</option><option value="3" selected>z</option></select>
  <input type="checkbox" name="comments_open" checked>
  <input type="checkbox" name="is_featured">
  <input type="radio" name="level" value="1"><input type="radio" name="level" value="2" checked>
  <input type="file" name="hero_image"><input type="checkbox" name="hero_image-clear">
  <input type="text" name="publish_at_0" value="2030-01-02">
  <input type="text" name="publish_at_1" value="09:30:00">
  <input type="text" name="locked" value="x" disabled>
  <input type="hidden" name="bylines-TOTAL_FORMS" value="1">
  <input type="hidden" name="bylines-__prefix__-id">
  <input type="submit" value="Save" name="_save">
  <input type="submit" value="Save and continue editing" name="_continue">
</form>
"""


def test_every_field_is_sent_as_a_browser_sends_it():
    data = change_form(PAGE).data()

    assert data == {
        "headline": ["Tom & Jerry"],
        "body": ["<p>Fish & chips</p><p>typed by hand</p>"],
        "dek": ["\nStarts with a blank line"],
        "section": ["2"],
        "kind": ["a"],
        "tags": ["1", "3"],
        "comments_open": ["on"],
        "level": ["2"],
        "publish_at_0": ["2030-01-02"],
        "publish_at_1": ["09:30:00"],
        "bylines-TOTAL_FORMS": ["1"],
        "bylines-__prefix__-id": [""],
        "_continue": ["Save and continue editing"],
    }


def test_changes_replace_or_remove_a_field_and_a_button_can_be_chosen():
    form = change_form(PAGE)

    data = form.data("_save", headline="New", tags=["2"], comments_open=None)

    assert (data["headline"], data["tags"], data["_save"]) == (["New"], ["2"], ["Save"])
    assert "comments_open" not in data and "_continue" not in data
    workflow = find_form(PAGE, action="/x/transition/")
    assert workflow.data(("to", "published"))["to"] == ["published"]

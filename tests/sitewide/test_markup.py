from sitewide.templatetags.markup import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("A **bold** claim with [a source](https://example.org/report).")
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org/report"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_script_and_event_handlers_never_survive():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)">'
        '[click](javascript:alert(3)) <a href="#" onclick="alert(4)">x</a>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "<img" not in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""

"""The inertness check of the attack suite finds what it is there to find."""

from __future__ import annotations

import pytest

from attacks import inert

XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'
RSS = "<rss><channel><item><description>{}</description></item></channel></rss>"


@pytest.mark.parametrize(
    ("fmt", "output", "problem"),
    [
        ("html", "<p>a</p><script>alert(1)</script>", "<script> element"),
        ("html", "<p>a</p><SCRIPT>alert(1)</SCRIPT>", "<script> element"),
        ("html", '<img src="x.png" onerror="alert(1)">', "event handler attribute"),
        ("html", '<a href=" JaVa\tScript:alert(1)">a</a>', "href="),
        ("html", '<meta http-equiv="Refresh" content="0;url=https://x.kz/">', "meta refresh"),
        ("html", '<p style="background: url(https://x.kz/)">a</p>', "style="),
        ("html", '<link rel="stylesheet" href="https://x.kz/a.css">', "<link> element"),
        (
            "html",
            '<script type="application/ld+json">{"a": "<!--<script>"}</script>',
            "JSON-LD holds",
        ),
        ("newsml", f"<item><body {XHTML}><Script>alert(1)</Script></body></item>", "<script>"),
        ("newsml", f"<item><p {XHTML} onclick='alert(1)'>a</p></item>", "event handler"),
        ("newsml", "<item><a href='data:text/html,x'>a</a></item>", "href="),
        ("newsml", "<item/><?xml-stylesheet href='x.xsl'?>", "processing instruction"),
        ("nitf", "<nitf><body><?php echo 1; ?></body></nitf>", "processing instruction"),
        ("nitf", "<!DOCTYPE nitf><nitf/>", "DOCTYPE"),
        ("nitf", "<nitf><p>a", "not well-formed"),
        ("json", "[1, 2]", "not a JSON object"),
        ("ninjs", '{"bodies": [{"value": "<iframe src=\\"https://x.kz\\"></iframe>"}]}', "iframe"),
        (
            "feed-rss",
            RSS.format("&lt;script&gt;x&lt;/script&gt;"),
            "<script> element",
        ),
    ],
)
def test_the_check_reports_what_could_act(fmt: str, output: str, problem: str) -> None:
    assert any(problem in found for found in inert.problems(fmt, output))


@pytest.mark.parametrize(
    ("fmt", "output"),
    [
        ("html", '<p>a <a href="https://x.kz/">b</a> &lt;script&gt;</p>'),
        ("html", '<link rel="canonical" href="https://x.kz/">'),
        ("html", '<script type="application/ld+json">{"a": "b"}</script>'),
        # a NewsML-G2 <link> is not an HTML one: only XHTML names are checked in XML
        ("newsml", '<item><link rel="irel:seeAlso" href="https://x.kz/"/></item>'),
        ("nitf", "<nitf><body><p>a &lt;script&gt;</p></body></nitf>"),
        (
            "feed-rss",
            "<rss><channel><item><description>a &amp;lt;b</description></item></channel></rss>",
        ),
    ],
)
def test_the_check_passes_what_cannot_act(fmt: str, output: str) -> None:
    assert inert.problems(fmt, output) == []

"""The feed command, and convert --from feed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lxml import etree

from newsmodel import Article, Figure, Section, cli, feed, json


def _write_articles(folder, n=3):
    now = datetime.now(timezone.utc)
    for i in range(n):
        article = Article(
            headline=f"Новость {i}",
            url=f"https://example.kz/{i}",
            published=now,
            sections=[Section(blocks=[f"Текст {i}."])],
            image=Figure(f"https://example.kz/{i}.jpg"),
        )
        (folder / f"a{i}.json").write_text(json.dumps(article), "utf-8")


def test_feed_writes_every_format(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write_articles(src)
    for fmt in feed.FORMATS:
        out = tmp_path / f"out-{fmt}"
        args = ["feed", str(src), "--format", fmt, "--site-title", "Сайт"]
        args += ["--site-url", "https://example.kz/", "-o", str(out), "-q"]
        assert cli.main(args) == 0, fmt
        assert out.stat().st_size > 0


def test_feed_of_rss_reads_back_with_convert_from_feed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write_articles(src)
    rss = tmp_path / "feed.xml"
    args = ["feed", str(src), "--format", "rss", "--site-title", "Сайт"]
    assert cli.main([*args, "--site-url", "https://example.kz/", "-o", str(rss), "-q"]) == 0
    assert len(etree.parse(str(rss)).findall("channel/item")) == 3
    out = tmp_path / "out"
    assert (
        cli.main(["convert", str(rss), "--from", "feed", "--to", "json", "-o", str(out), "-q"]) == 0
    )
    headlines = sorted(json.loads(p.read_bytes()).headline for p in out.rglob("*.json"))
    assert headlines == ["Новость 0", "Новость 1", "Новость 2"]


def test_feed_refuses_a_bad_site_url(tmp_path, capsys):
    args = ["feed", str(tmp_path), "--format", "rss", "--site-title", "T", "--site-url", "x:y"]
    assert cli.main(args) == 2
    assert "absolute http(s) URL" in capsys.readouterr().err


def test_feed_leaves_out_an_embargoed_article_unless_asked(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    _write_articles(src, n=1)
    held = Article(
        headline="Под эмбарго",
        url="https://example.kz/held",
        published=datetime.now(timezone.utc),
        embargo=datetime.now(timezone.utc) + timedelta(days=1),
    )
    (src / "held.json").write_text(json.dumps(held), "utf-8")
    args = ["feed", str(src), "--format", "rss", "--site-title", "Сайт"]
    args += ["--site-url", "https://example.kz/"]
    assert cli.main([*args, "-o", str(tmp_path / "a.xml")]) == 0
    assert "embargoed until" in capsys.readouterr().err
    assert b"example.kz/held" not in (tmp_path / "a.xml").read_bytes()
    assert cli.main([*args, "-o", str(tmp_path / "b.xml"), "--include-embargoed", "-q"]) == 0
    assert b"example.kz/held" in (tmp_path / "b.xml").read_bytes()

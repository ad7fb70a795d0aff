"""Date, amount and sentence parsers of the text loader."""

import pytest

from loaders.text.amounts import find_amounts, find_group_size, find_percentages, find_rank, parse_number
from loaders.text.dates import find_dates, parse_published
from loaders.text.reading import html_to_text, markdown_to_text
from loaders.text.sentences import split_sentences


def one(sentence, published=None):
    ds = find_dates(sentence, published)
    assert len(ds) == 1, ds
    return ds[0]


@pytest.mark.parametrize(
    "text, published, start, end",
    [
        ("vom 10. bis 20. September 2023", None, "2023-09-10", "2023-09-20"),
        ("vom 10. bis 16. September", "2023-09-08", "2023-09-10", "2023-09-16"),
        ("10.-12. Oktober 2024", None, "2024-10-10", "2024-10-12"),
        ("30. September bis 2. Oktober 2024", None, "2024-09-30", "2024-10-02"),
        ("from 4 to 7 March 2024", None, "2024-03-04", "2024-03-07"),
        ("September 2 to 6, 2024", None, "2024-09-02", "2024-09-06"),
    ],
)
def test_date_ranges(text, published, start, end):
    d = one(text, published)
    assert (d.start, d.end, d.kind) == (start, end, "range")


def test_numeric_and_iso_dates():
    assert one("Dresden, 08.09.2023 - Der Minister").start == "2023-09-08"
    assert one("am 2023-05-17 unterzeichnet").start == "2023-05-17"
    assert find_dates("am 31.02.2023") == []  # no such day


def test_single_days_take_the_publication_year():
    assert one("am 5. September in Dresden", "2019-09-11").start == "2019-09-05"
    assert one("on 21 November 2023").start == "2023-11-21"
    assert one("on November 21, 2023").start == "2023-11-21"
    assert find_dates("am 5. September in Dresden") == []  # no year known: nothing guessed


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("im Mai des vergangenen Jahres", "2023-09-08", "2022-05"),
        ("in May last year", "2024-02-01", "2023-05"),
        ("gestern", "2022-05-17", "2022-05-16"),
        ("heute", "2022-05-17", "2022-05-17"),
        ("yesterday", "2024-05-08", "2024-05-07"),
        ("im letzten Jahr", "2022-05-17", "2021"),
        ("im vergangenen Jahr", "2024-03-20", "2023"),
        ("im kommenden Jahr", "2024-09-17", "2025"),
        ("Bereits im April", "2022-05-17", "2022-04"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text, published, value):
    assert one(text, published).start == value


def test_relative_dates_need_a_publication_date():
    assert find_dates("heute und gestern") == []
    assert find_dates("heute", "2022") == []  # a year is not enough for a day


def test_years_and_month_years():
    assert [d.start for d in find_dates("Im Jahr 2022 mehr als 2021")] == ["2022", "2021"]
    assert one("im Mai 2022").start == "2022-05"
    assert find_dates("Wert 2022,5 Mio.") == []  # a number with decimals is not a year


def test_parse_published_rejects_garbage():
    assert parse_published("2023-09-08")[0] == 2023
    with pytest.raises(ValueError, match="not YYYY"):
        parse_published("8.9.2023")


@pytest.mark.parametrize(
    "text, lang, value, currency, unit, approx",
    [
        ("1,16 Milliarden Euro", "de", 1.16, "EUR", "billion", False),
        ("890 Mio. Euro", "de", 890, "EUR", "million", False),
        ("2,02 Mrd. US-Dollar", "de", 2.02, "USD", "billion", False),
        ("ca. 320 Mio. Euro", "de", 320, "EUR", "million", True),
        ("186,7 Mio. US-Dollar", "de", 186.7, "USD", "million", False),
        ("rund 2,1 Mrd. Euro", "de", 2.1, "EUR", "billion", True),
        ("851 Millionen Euro", "de", 851, "EUR", "million", False),
        ("8.500 Euro", "de", 8500, "EUR", "one", False),
        ("420 million euros", "en", 420, "EUR", "million", False),
        ("16.4 billion euros", "en", 16.4, "EUR", "billion", False),
        ("$1.5 billion", "en", 1.5, "USD", "billion", False),
        ("EUR 1,200 million", "en", 1200, "EUR", "million", False),
        ("1.2 billion US dollars", "en", 1.2, "USD", "billion", False),
    ],
)
def test_amounts(text, lang, value, currency, unit, approx):
    (a,) = find_amounts(text, lang)
    assert (a.value, a.currency, a.unit, a.approx) == (pytest.approx(value), currency, unit, approx)
    assert text[a.start:a.end] == a.text


def test_no_amount_without_currency():
    assert find_amounts("rund 350 Mitgliedern und 8.500 km", "de") == []


def test_numbers_by_language():
    assert parse_number("1,16", "de") == 1.16
    assert parse_number("8.500", "de") == 8500
    assert parse_number("1.16", "en") == 1.16
    assert parse_number("1,500", "en") == 1500


def test_group_size_rank_and_percent():
    assert find_group_size("Mit einer rund 30-köpfigen Delegation reist er") == 30
    assert find_group_size("A 20-strong delegation from the network") == 20
    assert find_group_size("eine Delegation mit 40 Teilnehmern") == 40
    assert find_group_size("Die Delegation reist nach Japan") is None
    assert find_rank("Unter allen Abnehmerländern kam Vietnam damit auf Platz 14.") == 14
    assert find_percentages("ein Plus von 30 Prozent", "de")[0][2] == 30
    assert find_percentages("a decline of 6 percent", "en")[0][2] == -6


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Dr. Rainer Waldschmidt, Geschäftsführer der HTAI, kam am 5. September nach Wiesbaden. Der Silicon Saxony e. V. hat u.a. 350 Mitglieder.\n\nNeuer Absatz ohne Punkt\nZweite Zeile."
    ss = split_sentences(text)
    assert [s.text for s in ss] == [
        "Dr. Rainer Waldschmidt, Geschäftsführer der HTAI, kam am 5. September nach Wiesbaden.",
        "Der Silicon Saxony e. V. hat u.a. 350 Mitglieder.",
        "Neuer Absatz ohne Punkt",
        "Zweite Zeile.",
    ]
    assert all(text[s.start:s.end] == s.text for s in ss)
    assert ss[2].paragraph != ss[1].paragraph


def test_html_is_stripped_to_visible_text():
    html = "<html><head><title>T &amp; U</title><style>p{}</style></head><body><nav>Menu</nav><p>Erster &amp; <b>fetter</b> Satz.</p><script>var x='Samsung';</script><p>Zweiter</p></body></html>"
    text, title = html_to_text(html)
    assert title == "T & U"
    assert "Erster & fetter Satz." in text and "Zweiter" in text
    assert "Samsung" not in text and "Menu" not in text and "p{}" not in text


def test_markdown_loses_markup_but_keeps_link_text():
    md = "# Titel\n\n**Mainz, 03.04.2025** - Text mit [Link](https://x.org) und *Betonung*.\n"
    t = markdown_to_text(md)
    assert t.startswith("Titel\n")
    assert "Mainz, 03.04.2025 - Text mit Link und Betonung." in t
    assert "https" not in t

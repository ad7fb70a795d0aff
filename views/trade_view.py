"""The embeddable trade view (``/view/trade?a=&b=&from=&to=&lang=``): the SVG
chart and the same figures as a table (the chart's text alternative, each
figure with its source). No script: the chart is a static, escaped SVG
(``views.trade_chart``); the page is rendered with autoescaping."""

from __future__ import annotations

from importlib import resources
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import assets
from .i18n import t
from .params import parse_lang
from .questions import TradeArgs, trade_data

_env = Environment(loader=FileSystemLoader(str(resources.files("views").joinpath("templates"))),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def render_trade_view(store, params, lang, *, chrome: bool = True) -> str:
    ta = TradeArgs.parse(params, parse_lang(lang))
    data = trade_data(store, ta)
    explorer = "/explorer/trade?" + urlencode(data["resolved"].query())
    return _env.get_template("trade_view.html").render(
        lang=ta.lang, s=lambda key, **kw: t(ta.lang, key, **kw), trade=data, chrome=chrome,
        css=assets.url("view.css"), explorer_url=explorer, link_target="_top" if not chrome else "")

"""The network view: RDF -> networkx -> one offline HTML file."""

from .html import html_pieces, render_html
from .network import to_networkx

__all__ = ["html_pieces", "render_html", "to_networkx"]

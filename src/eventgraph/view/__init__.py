"""The network view: RDF -> networkx -> one offline HTML file."""

from .html import render_html
from .network import to_networkx

__all__ = ["render_html", "to_networkx"]

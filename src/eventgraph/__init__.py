"""eventgraph: news articles about diplomatic and commemorative events -> a linked-data graph."""

__version__ = "0.1.0"

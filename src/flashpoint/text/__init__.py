"""Text input: readers (files, folders, stdin -> Story) and paragraph/sentence splitting.

Importing this package is cheap: trafilatura and feedparser load only when an HTML page or a feed is read.
"""

from flashpoint.text.readers import MAX_FILE_BYTES, MAX_LINE_BYTES, ReadProblem, parse_date, read, story_from_text
from flashpoint.text.sentences import SentenceStage, paragraph_spans, split_sentences

__all__ = [
    "MAX_FILE_BYTES", "MAX_LINE_BYTES", "ReadProblem", "SentenceStage", "paragraph_spans", "parse_date", "read",
    "split_sentences", "story_from_text",
]

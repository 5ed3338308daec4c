"""Ingest: read Vietnamese legal documents and extract who they are and every instrument they cite."""

from ingest.extract import extract_file, extract_text
from ingest.readers import InputError, iter_sources
from ingest.records import Citation, DocumentInfo, Record

__all__ = ["Citation", "DocumentInfo", "InputError", "Record", "extract_file", "extract_text", "iter_sources"]

"""lakip: ingest, validate, load and report kecamatan performance reports (LKjIP)."""

__version__ = "0.1.0"

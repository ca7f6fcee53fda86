"""A whole diary in and out: the versioned JSON document (``document``), the CSV tables
(``tables``) and a FHIR R4 Bundle (``fhir``). The core builds the data; the adapters write the
files (``adapters/exchange.py``) and serve the downloads."""

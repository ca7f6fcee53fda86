"""The clinician report drawn: one HTML sheet (``templates/sheet.html`` with
``static/report.css``) that the web page shows and prints, and that WeasyPrint turns into a
tagged PDF (``pdf``). The content is the core's (``core/report``)."""

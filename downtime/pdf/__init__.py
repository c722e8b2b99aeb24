"""Paper-equivalent PDFs (reportlab). Imported only when printing: reportlab is slow to load."""

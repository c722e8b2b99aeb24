"""Paper-equivalent PDFs (reportlab). Imported only when printing: reportlab is slow to load."""

from reportlab import rl_config

# Streams are compressed only, not also ASCII85-encoded: that encoding only makes a PDF 7-bit
# clean, at a quarter more bytes, and reportlab's pure-Python encoder of it took an eighth of a
# ward MAR pack's time (mostly on the embedded fonts).
rl_config.useA85 = 0

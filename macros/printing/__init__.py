"""Printing: card pages generated from data, QR codes, the print line and the PDF downloads."""

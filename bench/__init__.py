"""`make bench`: how fast the guide builds and how heavy its pages are, beside plain Material."""

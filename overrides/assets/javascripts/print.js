/* print: see the issue that owns this feature. */

/* links: see the issue that owns this feature. */

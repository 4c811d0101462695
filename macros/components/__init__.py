"""One module per component: its signature, its argument checks and its named examples."""
